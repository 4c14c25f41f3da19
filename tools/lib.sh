# Shared helpers for the tools/*.sh scripts. Source it; do not run it.
# shellcheck shell=bash

ACAPI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ACAPI_SLUG="creators-connect-for-amazon"
ACAPI_WP_DIR="${ACAPI_WP_DIR:-$ACAPI_ROOT/.wp}"   # git-ignored: WordPress core, sites, databases, caches
# The emulator port, ACAPI_EMULATOR_PORT: 9411 for npm start (tools/serve.sh), 9412 for the tests.
ACAPI_WP_BUILDS_PKG="$ACAPI_ROOT/node_modules/@wp-playground/wordpress-builds"
ACAPI_SQLITE_CLI_PKG="@wp-playground/cli@3.1.56"   # ships the SQLite Database Integration 3.0.2 zip

say() { printf '\033[1m[acapi]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[acapi] %s\033[0m\n' "$*" >&2; exit 1; }

# The files a release holds: package.json "files". The test sites get exactly these, copied.
release_files() {
	node -e 'for (const f of require(process.argv[1]).files) console.log(f)' "$ACAPI_ROOT/package.json"
}

# Copies the release files of the working tree into a site's plugin folder.
# A copy, not a symlink: the sites live inside the repository, and a symlink from there back to
# the repository would make a folder that contains itself.
sync_plugin() {
	local site="$1" dest="$1/wp-content/plugins/$ACAPI_SLUG" args=()
	mkdir -p "$dest"
	while read -r f; do [ -e "$ACAPI_ROOT/$f" ] && args+=("$f"); done < <(release_files)
	(cd "$ACAPI_ROOT" && rsync -a --delete --exclude='.DS_Store' "${args[@]}" "$dest/")
	# rsync --delete only prunes inside the listed paths: drop top-level entries no longer listed.
	for entry in "$dest"/* "$dest"/.[!.]*; do
		[ -e "$entry" ] || continue
		local name; name="$(basename "$entry")"
		printf '%s\n' "${args[@]}" | grep -qx "$name" || rm -rf "$entry"
	done
}

# Waits until a URL answers, or fails after $2 seconds.
wait_for_url() {
	local url="$1" limit="${2:-20}" i=0
	until curl -s -o /dev/null --max-time 2 "$url"; do
		i=$((i + 1))
		[ "$i" -ge $((limit * 10)) ] && return 1
		sleep 0.1
	done
}

# Starts a command in its own process group and records the group id in $2, so that stopping
# it ends every worker (php -S workers outlive a killed master otherwise).
start_group() {
	local logfile="$1" pidfile="$2"; shift 2
	setsid "$@" >"$logfile" 2>&1 < /dev/null &
	echo $! >"$pidfile"
}

stop_group() {
	local pidfile="$1"
	[ -f "$pidfile" ] || return 0
	local pgid; pgid="$(cat "$pidfile")"
	kill -- "-$pgid" 2>/dev/null || true
	for _ in $(seq 1 50); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.1; done
	kill -9 -- "-$pgid" 2>/dev/null || true
	rm -f "$pidfile"
}
