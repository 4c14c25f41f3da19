#!/usr/bin/env bash
# The field stack: the test site served the way affiliate sites run, from Debian's packages, as
# plain processes with their configs under .wp/field (no systemd).
#
#   tools/field.sh start    (re)starts everything; prints the stack's JSON (.wp/field/stack.json)
#   tools/field.sh stop     stops everything it started
#
#   Varnish 7 (page cache) :ACAPI_FIELD_PORT      ──► nginx :+1 ──► upstream of both web nodes
#   nginx, node A only     :+2 ──► PHP-FPM pool "a" :+4 (OPcache on)
#   nginx, node B only     :+3 ──► PHP-FPM pool "b" :+5 (OPcache on; a second FPM master)
#   Redis (object cache)   :ACAPI_FIELD_REDIS_PORT, through tests/field/object-cache.php
#   MariaDB                 on a socket under .wp/field/mariadb (tools/mariadb.sh)
#   the Amazon emulator    :ACAPI_EMULATOR_PORT (started if none answers)
#
# Both nodes share the site's files, MariaDB and Redis, as two web servers of one site would.
# WP-Cron is off (DISABLE_WP_CRON, as in every site tools/wp-site.sh builds): the tests run it as
# a system cron would, by requesting wp-cron.php on one node.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

export ACAPI_EMULATOR_PORT="${ACAPI_EMULATOR_PORT:-9425}"
export ACAPI_EMULATOR_URL="http://127.0.0.1:$ACAPI_EMULATOR_PORT"
base="${ACAPI_FIELD_PORT:-8850}"
redis_port="${ACAPI_FIELD_REDIS_PORT:-6385}"
site_name="${ACAPI_FIELD_SITE:-field}"
dir="$ACAPI_WP_DIR/$site_name-stack"
site="$ACAPI_WP_DIR/sites/$site_name"
varnish_port=$base origin_port=$((base + 1)) node_a_port=$((base + 2)) node_b_port=$((base + 3))
fpm_a_port=$((base + 4)) fpm_b_port=$((base + 5))
export ACAPI_MARIADB_DIR="$dir/mariadb"

stop_all() {
	stop_group "$dir/varnish.pid"
	stop_group "$dir/nginx.pid.group"
	stop_group "$dir/fpm-a.pid"
	stop_group "$dir/fpm-b.pid"
	stop_group "$dir/redis.pid"
	stop_group "$dir/emulator.pid"
	bash "$ACAPI_ROOT/tools/mariadb.sh" stop
}

# Fills a template's @NAME@ placeholders.
render() {
	local template="$1" out="$2"; shift 2
	local args=()
	while [ $# -gt 0 ]; do args+=(-e "s#@$1@#$2#g"); shift 2; done
	sed "${args[@]}" "$template" >"$out"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_all() {
	for bin in nginx php-fpm8.2 varnishd redis-server mariadbd; do
		command -v "$bin" >/dev/null || die "$bin is missing: bash tools/install-deps.sh --for=field"
	done
	php -r 'exit(class_exists("Redis") ? 0 : 1);' || die "phpredis is missing: bash tools/install-deps.sh --for=field"
	stop_all
	for port in "$varnish_port" "$origin_port" "$node_a_port" "$node_b_port" "$fpm_a_port" "$fpm_b_port" "$redis_port"; do
		port_free "$port" || die "port $port is taken by another program (ACAPI_FIELD_PORT / ACAPI_FIELD_REDIS_PORT choose others)"
	done
	mkdir -p "$dir"/{nginx/tmp,varnish,a,b}

	say "field stack: MariaDB, Redis :$redis_port, emulator :$ACAPI_EMULATOR_PORT"
	local sock; sock="$(bash "$ACAPI_ROOT/tools/mariadb.sh" start)"
	mariadb --socket="$sock" -uroot -e "CREATE DATABASE acapi_field CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"
	start_group "$dir/redis.log" "$dir/redis.pid" redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no
	bash "$ACAPI_ROOT/tools/emulator-up.sh" "$dir"

	# What every PHP process of the site reads (wp-config.php, the object-cache drop-in): the FPM
	# masters inherit it (clear_env = no), and env.sh gives it to command-line scripts.
	export ACAPI_DB_ENGINE=mysql ACAPI_DB_NAME=acapi_field ACAPI_DB_SOCKET="$sock"
	export ACAPI_REDIS_PORT="$redis_port" ACAPI_REDIS_DB=0 ACAPI_REDIS_PREFIX="$site_name"
	export ACAPI_DEBUG_LOG="$dir/debug.log" ACAPI_FIELD_VARNISH="http://127.0.0.1:$varnish_port"
	{
		for v in ACAPI_DB_ENGINE ACAPI_DB_NAME ACAPI_DB_SOCKET ACAPI_REDIS_PORT ACAPI_REDIS_DB ACAPI_REDIS_PREFIX ACAPI_DEBUG_LOG ACAPI_EMULATOR_URL ACAPI_FIELD_VARNISH; do
			printf 'export %s=%q\n' "$v" "${!v}"
		done
	} >"$dir/env.sh"
	for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

	bash "$ACAPI_ROOT/tools/wp-site.sh" "$site_name" "$varnish_port" >&2
	cp "$ACAPI_ROOT/tests/field/object-cache.php" "$site/wp-content/object-cache.php"
	# What a site behind Varnish runs to purge it: Proxy Cache Purge (a stand-in of its public API).
	cp "$ACAPI_ROOT/tests/field/mu-plugins/"*.php "$site/wp-content/mu-plugins/"
	php "$ACAPI_ROOT/tools/wp-install.php" "$site" "http://127.0.0.1:$varnish_port" >&2
	php "$ACAPI_ROOT/tools/seed-demo.php" "$site" >/dev/null

	for node in a b; do
		local port=$fpm_a_port; [ "$node" = b ] && port=$fpm_b_port
		render "$ACAPI_ROOT/tools/field/fpm.conf" "$dir/$node/fpm.conf" DIR "$dir/$node" NODE "$node" PORT "$port" CHILDREN "${ACAPI_FIELD_FPM_CHILDREN:-4}"
		start_group "$dir/fpm-$node.log" "$dir/fpm-$node.pid" php-fpm8.2 -F -R -y "$dir/$node/fpm.conf"
	done
	render "$ACAPI_ROOT/tools/field/nginx.conf" "$dir/nginx/nginx.conf" DIR "$dir/nginx" SITE "$site" \
		ORIGIN_PORT "$origin_port" NODE_A_PORT "$node_a_port" NODE_B_PORT "$node_b_port" \
		FPM_A_PORT "$fpm_a_port" FPM_B_PORT "$fpm_b_port" PUBLIC_HOST "127.0.0.1:$varnish_port" PUBLIC_PORT "$varnish_port"
	start_group "$dir/nginx.log" "$dir/nginx.pid.group" nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx"
	# A week of default lifetime, as some page caches have: only the site's headers shorten it.
	render "$ACAPI_ROOT/tools/field/site.vcl" "$dir/varnish/site.vcl" ORIGIN_PORT "$origin_port"
	start_group "$dir/varnish.log" "$dir/varnish.pid" varnishd -F -a "127.0.0.1:$varnish_port" -f "$dir/varnish/site.vcl" \
		-n "$dir/varnish/work" -s malloc,64m -t 604800 -p default_grace=0 -p default_keep=0

	for url in "http://127.0.0.1:$node_a_port/wp-login.php" "http://127.0.0.1:$node_b_port/wp-login.php" "http://127.0.0.1:$varnish_port/wp-login.php"; do
		wait_for_url "$url" 30 || { tail -n 20 "$dir"/*.log "$dir"/*/*.log >&2 || true; die "the field stack did not answer at $url"; }
	done
	cat >"$dir/stack.json" <<JSON
{
	"site": "$site",
	"env": "$dir/env.sh",
	"varnish": "http://127.0.0.1:$varnish_port",
	"origin": "http://127.0.0.1:$origin_port",
	"nodeA": "http://127.0.0.1:$node_a_port",
	"nodeB": "http://127.0.0.1:$node_b_port",
	"varnishName": "$dir/varnish/work",
	"fpmA": "127.0.0.1:$fpm_a_port",
	"fpmB": "127.0.0.1:$fpm_b_port",
	"redisPort": $redis_port,
	"emulator": "$ACAPI_EMULATOR_URL",
	"debugLog": "$dir/debug.log"
}
JSON
	say "field stack up: Varnish http://127.0.0.1:$varnish_port, nodes :$node_a_port and :$node_b_port"
	cat "$dir/stack.json"
}

case "${1:?start|stop}" in
start) start_all ;;
stop) stop_all ;;
*) die "usage: tools/field.sh start|stop" ;;
esac
