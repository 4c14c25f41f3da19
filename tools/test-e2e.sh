#!/usr/bin/env bash
# Playwright end-to-end tests in Debian's Chromium, against a fresh local site (.wp/sites/e2e on
# port 8889) and the Amazon emulator.   tools/test-e2e.sh [playwright args…]
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ACAPI_ROOT"

port="${ACAPI_E2E_PORT:-8889}"
name="${ACAPI_E2E_SITE:-e2e}"   # another name and port let two runs go side by side
export ACAPI_EMULATOR_PORT="${ACAPI_EMULATOR_PORT:-9412}"
export ACAPI_EMULATOR_URL="http://127.0.0.1:$ACAPI_EMULATOR_PORT"
export WP_BASE_URL="http://127.0.0.1:$port"
run="$ACAPI_WP_DIR/run/$name"
mkdir -p "$run"

bash tools/wp-site.sh "$name" "$port" --reset || exit 1
# The German fixture translation (tests/e2e/specs/translations.spec.ts): the .mo where WordPress
# loads PHP translations just in time, the scripts' JSON in the plugin's own languages folder.
export ACAPI_E2E_SITE_DIR="$ACAPI_WP_DIR/sites/$name"
node tools/make-translations.mjs tests/fixtures/languages/$ACAPI_SLUG-de_DE.po \
	"$ACAPI_E2E_SITE_DIR/wp-content/languages/plugins" "$ACAPI_E2E_SITE_DIR/wp-content/plugins/$ACAPI_SLUG/languages" >/dev/null || exit 1
trap 'bash tools/serve.sh stop "$name"' EXIT
ACAPI_EMULATOR_PORT="$ACAPI_EMULATOR_PORT" bash tools/serve.sh start "$name" "$port" || exit 1

npx playwright test --config tests/e2e/playwright.config.ts "$@"
status=$?
if [ -s "$ACAPI_WP_DIR/sites/$name/wp-content/debug.log" ]; then
	say "the $name site's debug.log is not empty:"
	cat "$ACAPI_WP_DIR/sites/$name/wp-content/debug.log" >&2
	status=1
fi
exit "$status"
