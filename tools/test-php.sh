#!/usr/bin/env bash
# PHPUnit: the unit suite, then the integration suite on SQLite and on MariaDB.
# JUnit reports go to $ACAPI_RESULTS (default artifacts/test-results).
#   tools/test-php.sh [unit|sqlite|mariadb ...] [-- phpunit args, e.g. --filter Token]   (default: all three)
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ACAPI_ROOT"

results="${ACAPI_RESULTS:-$ACAPI_ROOT/artifacts/test-results}"
site_name="${ACAPI_PHPUNIT_SITE:-phpunit}"   # another name lets two runs go side by side
export ACAPI_TEST_SITE="$ACAPI_WP_DIR/sites/$site_name"
run="$ACAPI_WP_DIR/run/$site_name"
mkdir -p "$results" "$run"
export ACAPI_EMULATOR_PORT="${ACAPI_EMULATOR_PORT:-9412}"
export ACAPI_EMULATOR_URL="http://127.0.0.1:$ACAPI_EMULATOR_PORT"
suites=(); extra=()
while [ "$#" -gt 0 ]; do
	if [ "$1" = "--" ]; then shift; extra=("$@"); break; fi
	suites+=("$1"); shift
done
[ "${#suites[@]}" -eq 0 ] && suites=(unit sqlite mariadb)
phpunit=(php -d memory_limit=1G vendor/bin/phpunit "${extra[@]}")
status=0

stop_all() { stop_group "$run/emulator.pid"; bash tools/mariadb.sh stop; }
trap stop_all EXIT

bash tools/wp-site.sh "$site_name" 8890 || exit 1
bash tools/emulator-up.sh "$run" || exit 1

for suite in "${suites[@]}"; do
	case "$suite" in
	unit)
		say "PHPUnit: unit"
		"${phpunit[@]}" -c tests/php/phpunit-unit.xml --log-junit "$results/phpunit-unit.xml" || status=1
		;;
	sqlite)
		say "PHPUnit: integration on SQLite"
		ACAPI_DB_ENGINE=sqlite "${phpunit[@]}" -c tests/php/phpunit-integration.xml --log-junit "$results/phpunit-integration-sqlite.xml" || status=1
		;;
	mariadb)
		say "PHPUnit: integration on MariaDB"
		sock="$(bash tools/mariadb.sh start)" || { status=1; continue; }
		ACAPI_DB_ENGINE=mysql ACAPI_DB_SOCKET="$sock" "${phpunit[@]}" -c tests/php/phpunit-integration.xml --log-junit "$results/phpunit-integration-mariadb.xml" || status=1
		;;
	*) die "unknown suite: $suite" ;;
	esac
done
exit "$status"
