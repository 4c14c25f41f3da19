#!/usr/bin/env bash
# npm test: every check and every suite, on a fresh clone too (it installs what is missing).
# Ends with one line "N passed, N failed" over all of them and exits non-zero on any failure.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ACAPI_ROOT"

started=$(date +%s)
export ACAPI_RESULTS="$ACAPI_ROOT/artifacts/test-results"
export ACAPI_EMULATOR_PORT="${ACAPI_EMULATOR_PORT:-9412}"
export ACAPI_EMULATOR_URL="http://127.0.0.1:$ACAPI_EMULATOR_PORT"
rm -rf "$ACAPI_RESULTS"; mkdir -p "$ACAPI_RESULTS"
run="$ACAPI_WP_DIR/run/test"; mkdir -p "$run"

# One line per check that has no test report of its own.
check() {
	local name="$1"; shift
	say "$name"
	if "$@"; then
		printf '%s\tpassed\n' "$name" >>"$ACAPI_RESULTS/checks.tsv"
	else
		printf '%s\tfailed\n' "$name" >>"$ACAPI_RESULTS/checks.tsv"
	fi
}
# A suite that writes a report; if it dies before writing one, that counts as a failure.
suite() {
	local name="$1" report="$2"; shift 2
	say "$name"
	"$@"
	local status=$?
	if [ "$status" -ne 0 ] && [ ! -s "$report" ]; then
		printf '%s (no report)\tfailed\n' "$name" >>"$ACAPI_RESULTS/checks.tsv"
	fi
}

bash tools/install-deps.sh --for=test || die "could not install the test dependencies"
check "build" bash -c 'bash tools/build.sh >"$0/build.log" 2>&1 || { cat "$0/build.log"; exit 1; }' "$run"
trap 'stop_group "$run/emulator.pid"' EXIT
bash tools/emulator-up.sh "$run" || die "the Amazon emulator did not start"

check "php -l (every PHP file)" bash -c 'git ls-files -co --exclude-standard "*.php" | xargs -n 50 -P 2 php -l -d display_errors=1 | grep -v "^No syntax errors" ; exit "${PIPESTATUS[1]}"'
check "phpcs (WordPress standards)" vendor/bin/phpcs -q
check "phpstan (level 8)" vendor/bin/phpstan analyse --memory-limit=1G --no-progress
check "folders of includes/ depend one way" node tools/folder-cycles.mjs
check "tsc --noEmit (strict)" npx tsc --noEmit -p tsconfig.json
[ -f tools/emulator/tsconfig.json ] && check "tsc --noEmit (emulator)" npx tsc --noEmit -p tools/emulator/tsconfig.json
check "eslint (wp-scripts)" npx wp-scripts lint-js src blocks tests/js tests/e2e tools
suite "jest" "$ACAPI_RESULTS/jest.json" npx wp-scripts test-unit-js --config jest.config.js --ci --json --outputFile="$ACAPI_RESULTS/jest.json"
suite "PHPUnit unit" "$ACAPI_RESULTS/phpunit-unit.xml" bash tools/test-php.sh unit
suite "PHPUnit integration (SQLite)" "$ACAPI_RESULTS/phpunit-integration-sqlite.xml" bash tools/test-php.sh sqlite
suite "PHPUnit integration (MariaDB)" "$ACAPI_RESULTS/phpunit-integration-mariadb.xml" bash tools/test-php.sh mariadb
suite "PHPUnit sites (WP-CLI, multisite)" "$ACAPI_RESULTS/phpunit-site.xml" bash tools/test-php.sh site
suite "Playwright (Chromium)" "$ACAPI_RESULTS/playwright.xml" bash tools/test-e2e.sh
check "plugin zip installs and activates cleanly" bash tools/test-zip.sh

say "finished in $(( $(date +%s) - started )) s"
node tools/test-summary.mjs "$ACAPI_RESULTS"
