vcl 4.1;
# Varnish in front of the field stack's nginx (generated into .wp/field/varnish/ by tools/field.sh).
# What a WordPress site behind Varnish typically runs: visitors share the cache, anyone with a
# login, password-post or comment cookie goes past it, and PURGE follows the Proxy Cache Purge
# plugin's conventions (a plain PURGE of a URL, or X-Purge-Method: regex for a pattern).

backend default {
	.host = "127.0.0.1";
	.port = "@ORIGIN_PORT@";
	.first_byte_timeout = 120s;
}

acl purge {
	"127.0.0.1";
}

sub vcl_recv {
	if (req.method == "PURGE") {
		if (client.ip !~ purge) {
			return (synth(405, "Not allowed."));
		}
		if (req.http.X-Purge-Method == "regex") {
			ban("obj.http.x-url ~ " + req.url + " && obj.http.x-host == " + req.http.host);
			return (synth(200, "Banned."));
		}
		return (purge);
	}
	if (req.url ~ "^/wp-(admin|login|cron)" || req.url ~ "preview=true") {
		return (pass);
	}
	# Visitors' cookies (analytics and the like) do not vary WordPress's output: drop them, so
	# that only a logged-in user, a post password or a commenter goes past the cache.
	if (req.http.Cookie && req.http.Cookie !~ "wordpress_(logged_in|sec)_|wp-postpass_|comment_author_") {
		unset req.http.Cookie;
	}
}

sub vcl_backend_response {
	# For the ban above ("lurker-friendly": bans test object headers, not the request).
	set beresp.http.x-url = bereq.url;
	set beresp.http.x-host = bereq.http.host;
	# No serving of stale objects while refetching: a page's lifetime ends at its s-maxage.
	set beresp.grace = 0s;
}

sub vcl_deliver {
	unset resp.http.x-url;
	unset resp.http.x-host;
	if (obj.hits > 0) {
		set resp.http.X-Cache = "HIT";
	} else {
		set resp.http.X-Cache = "MISS";
	}
}
