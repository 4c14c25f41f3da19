#!/usr/bin/env bash
# npm run test:field: the plugin on the field stack (tools/field.sh: Varnish, nginx, two PHP-FPM
# nodes, Redis, MariaDB), on a fresh clone too: it installs what is missing (install-deps
# --for=field), builds, starts the stack, runs the suites and stops everything it started.
#   - tests/field/*.test.mjs (node:test): the page cache, the two web nodes;
#   - the PHPUnit integration suite a third time, with the Redis object-cache drop-in (test-php.sh redis).
# Ends with one line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ACAPI_ROOT"

started=$(date +%s)
export ACAPI_EMULATOR_PORT="${ACAPI_EMULATOR_PORT:-9413}"
export ACAPI_EMULATOR_URL="http://127.0.0.1:$ACAPI_EMULATOR_PORT"
export ACAPI_RESULTS="${ACAPI_FIELD_RESULTS:-$ACAPI_ROOT/artifacts/field-results}"
rm -rf "$ACAPI_RESULTS"; mkdir -p "$ACAPI_RESULTS"

bash tools/install-deps.sh --for=field || die "could not install the field stack"
if [ ! -f build/blocks/blocks-manifest.php ]; then
	bash tools/build.sh >/dev/null || die "the build failed"
fi
trap 'bash tools/field.sh stop' EXIT
if bash tools/field.sh start >/dev/null; then
	say "field tests (node:test)"
	node --test --test-concurrency=1 \
		--test-reporter=spec --test-reporter-destination=stdout \
		--test-reporter=junit --test-reporter-destination="$ACAPI_RESULTS/field.xml" \
		tests/field/*.test.mjs
	[ -s "$ACAPI_RESULTS/field.xml" ] || printf 'field tests (no report)\tfailed\n' >>"$ACAPI_RESULTS/checks.tsv"
else
	printf 'field stack starts\tfailed\n' >>"$ACAPI_RESULTS/checks.tsv"
fi

say "PHPUnit integration with the Redis object cache"
ACAPI_REDIS_PORT="${ACAPI_FIELD_REDIS_PORT:-6385}" bash tools/test-php.sh redis
[ -s "$ACAPI_RESULTS/phpunit-integration-redis.xml" ] || printf 'PHPUnit redis (no report)\tfailed\n' >>"$ACAPI_RESULTS/checks.tsv"

say "finished in $(( $(date +%s) - started )) s"
node tools/test-summary.mjs "$ACAPI_RESULTS"
