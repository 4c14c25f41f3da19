#!/usr/bin/env bash
# npm start: installs what is missing, builds, sets up the local WordPress site with the plugin
# active, starts the Amazon emulator and the web server, seeds the demo page, and runs until
# Ctrl-C, then stops everything it started.   npm start -- --reset   rebuilds the site from scratch.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${ACAPI_EMULATOR_PORT:=9411}"
# Amazon's image CDN is out of reach here: the emulator draws placeholder images (ACAPI_DEMO_IMAGES=0: off).
: "${ACAPI_DEMO_IMAGES:=1}"
export ACAPI_DEMO_IMAGES

port="${ACAPI_PORT:-8888}"
reset=""
for arg in "$@"; do case "$arg" in --reset) reset="--reset" ;; esac; done

bash "$ACAPI_ROOT/tools/install-deps.sh" --for=start
say "building assets"
bash "$ACAPI_ROOT/tools/build.sh" >/dev/null
bash "$ACAPI_ROOT/tools/wp-site.sh" dev "$port" $reset

cleanup() {
	trap - INT TERM EXIT
	say "stopping"
	[ -n "${sync_pid:-}" ] && kill "$sync_pid" 2>/dev/null
	bash "$ACAPI_ROOT/tools/serve.sh" stop dev
}
trap cleanup INT TERM EXIT

bash "$ACAPI_ROOT/tools/serve.sh" start dev "$port"
if [ -f "$ACAPI_ROOT/tools/seed-demo.php" ]; then
	php "$ACAPI_ROOT/tools/seed-demo.php" "$ACAPI_WP_DIR/sites/dev" >&2
fi

# Keep the site's copy of the plugin in step with the working tree while it runs.
( while sleep 2; do sync_plugin "$ACAPI_WP_DIR/sites/dev"; done ) &
sync_pid=$!

cat >&2 <<MSG

  Creators Connect for Amazon is running.

    Site:      http://127.0.0.1:$port/
    Demo page: http://127.0.0.1:$port/amazon-demo/   (every template, products from two marketplaces)
    Admin:     http://127.0.0.1:$port/wp-admin/   (user: admin, password: password)
    Settings:  http://127.0.0.1:$port/wp-admin/options-general.php?page=$ACAPI_SLUG
    Emulator:  http://127.0.0.1:$ACAPI_EMULATOR_PORT/  (Amazon's APIs, local; demo credentials in README.md)
    Logs:      .wp/run/dev/  and  .wp/sites/dev/wp-content/debug.log

  Edits to PHP are copied into the site every 2 s; run "npm run build" after editing TypeScript.
  Press Ctrl-C to stop.

MSG
while true; do sleep 3600 & wait $!; done
