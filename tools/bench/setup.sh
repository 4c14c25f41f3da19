# Shared by tools/bench/run.sh and tools/bench/load.sh: builds (or reuses) the bench site, seeds
# the demo credentials (tools/seed-demo.php), installs the probe mu-plugin, writes the bench pages
# and starts the emulator and PHP's web server. Stops what it started on exit. Source it.
# shellcheck shell=bash
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

export ACAPI_EMULATOR_PORT="${ACAPI_EMULATOR_PORT:-9471}"
ACAPI_BENCH_SITE="${ACAPI_BENCH_SITE:-bench}"
ACAPI_BENCH_PORT="${ACAPI_BENCH_PORT:-8971}"
bench_site="$ACAPI_WP_DIR/sites/$ACAPI_BENCH_SITE"
bench_run="$ACAPI_WP_DIR/run/$ACAPI_BENCH_SITE"
export ACAPI_BENCH_SITE ACAPI_BENCH_PORT ACAPI_BENCH_SITE_DIR="$bench_site"
export ACAPI_BENCH_URL="http://127.0.0.1:$ACAPI_BENCH_PORT" ACAPI_BENCH_EMULATOR_URL="http://127.0.0.1:$ACAPI_EMULATOR_PORT"

[ -d "$ACAPI_ROOT/node_modules" ] || die "npm packages are missing: run npm ci"
if [ ! -f "$ACAPI_ROOT/build/blocks/blocks-manifest.php" ]; then
	say "building the assets first (npm run build)"
	bash "$ACAPI_ROOT/tools/build.sh" >&2
fi

bench_setup() {
	local sizes="${1:-0,10,50,100,500}"
	say "bench site \"$ACAPI_BENCH_SITE\" on port $ACAPI_BENCH_PORT, emulator on $ACAPI_EMULATOR_PORT"
	bash "$ACAPI_ROOT/tools/wp-site.sh" "$ACAPI_BENCH_SITE" "$ACAPI_BENCH_PORT" >&2
	cp "$ACAPI_ROOT/tools/bench/acapi-bench-mu-plugin.php" "$bench_site/wp-content/mu-plugins/acapi-bench.php"
	php "$ACAPI_ROOT/tools/seed-demo.php" "$bench_site" >/dev/null
	mkdir -p "$bench_run"
	php "$ACAPI_ROOT/tools/bench/ctl.php" "$bench_site" pages "$sizes" >"$bench_run/manifest.json"
	export ACAPI_BENCH_MANIFEST="$bench_run/manifest.json"
	# Leftovers of an interrupted run of this site (its own pid files only).
	stop_group "$bench_run/php.pid"
	stop_group "$bench_run/emulator.pid"
	trap bench_stop EXIT INT TERM
	# As tools/serve.sh does, plus OPcache (off for PHP's CLI server by default; a production
	# server has it on, and without it every request recompiles WordPress and dilutes the ratios).
	if curl -s -o /dev/null --max-time 1 "$ACAPI_BENCH_EMULATOR_URL/__emulator/log"; then
		say "an Amazon emulator already answers on port $ACAPI_EMULATOR_PORT: using it"
	else
		start_group "$bench_run/emulator.log" "$bench_run/emulator.pid" bash "$ACAPI_ROOT/tools/emulator/run.sh" --port "$ACAPI_EMULATOR_PORT"
		wait_for_url "$ACAPI_BENCH_EMULATOR_URL/__emulator/log" 30 || { cat "$bench_run/emulator.log" >&2; die "the Amazon emulator did not start"; }
	fi
	if curl -s -o /dev/null --max-time 1 "$ACAPI_BENCH_URL/"; then
		die "port $ACAPI_BENCH_PORT is taken by another program; stop it first"
	fi
	export ACAPI_BENCH_OPCACHE="${ACAPI_BENCH_OPCACHE:-1}"
	PHP_CLI_SERVER_WORKERS="${PHP_CLI_SERVER_WORKERS:-4}" start_group "$bench_run/php.log" "$bench_run/php.pid" \
		php -d memory_limit=512M -d opcache.enable_cli="$ACAPI_BENCH_OPCACHE" -d opcache.validate_timestamps=1 \
		-S "127.0.0.1:$ACAPI_BENCH_PORT" -t "$bench_site" "$ACAPI_ROOT/tools/router.php"
	wait_for_url "$ACAPI_BENCH_URL/wp-login.php" 30 || { cat "$bench_run/php.log" >&2; die "the web server did not start"; }
	export ACAPI_BENCH_DEBUG_LOG="$bench_site/wp-content/debug.log"
}

bench_stop() {
	local rc=$?
	trap - EXIT INT TERM
	stop_group "$bench_run/php.pid"
	stop_group "$bench_run/emulator.pid"
	exit "$rc"
}
