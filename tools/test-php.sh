#!/usr/bin/env bash
# PHPUnit: the unit suite, the integration suite on SQLite and on MariaDB, and the site suite
# (whole sites driven through the real WP-CLI, vendor/bin/wp, and multisite networks).
# JUnit reports go to $ACAPI_RESULTS (default artifacts/test-results).
#   tools/test-php.sh [unit|sqlite|mariadb|site|redis ...] [-- phpunit args, e.g. --filter Token]
#   (default: the first four)
# `redis` (npm run test:field runs it) is the integration suite once more, on SQLite with a
# persistent object cache: Redis (ACAPI_REDIS_PORT, started here if none answers) through the test
# drop-in tests/field/object-cache.php, in a site of its own.
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
[ "${#suites[@]}" -eq 0 ] && suites=(unit sqlite mariadb site)
phpunit=(php -d memory_limit=1G vendor/bin/phpunit "${extra[@]}")
status=0

stop_all() { stop_group "$run/emulator.pid"; stop_group "$run/redis.pid"; bash tools/mariadb.sh stop; }
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
	redis)
		say "PHPUnit: integration on SQLite with the Redis object cache"
		redis_port="${ACAPI_REDIS_PORT:-6386}"
		if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
			command -v redis-server >/dev/null || { say "Redis is missing: bash tools/install-deps.sh --for=field"; status=1; continue; }
			start_group "$run/redis.log" "$run/redis.pid" redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no
			for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
		fi
		bash tools/wp-site.sh "$site_name-redis" 8890 >/dev/null || { status=1; continue; }
		cp tests/field/object-cache.php "$ACAPI_WP_DIR/sites/$site_name-redis/wp-content/object-cache.php"
		# Database 1 and a prefix of this run's own: the field stack's site may share this Redis.
		ACAPI_TEST_SITE="$ACAPI_WP_DIR/sites/$site_name-redis" ACAPI_DB_ENGINE=sqlite \
			ACAPI_REDIS_PORT="$redis_port" ACAPI_REDIS_DB=1 ACAPI_REDIS_PREFIX="phpunit-$$" \
			"${phpunit[@]}" -c tests/php/phpunit-integration.xml --log-junit "$results/phpunit-integration-redis.xml" || status=1
		;;
	site)
		say "PHPUnit: sites through WP-CLI (vendor/bin/wp) and multisite"
		"${phpunit[@]}" -c tests/php/phpunit-site.xml --log-junit "$results/phpunit-site.xml" || status=1
		;;
	*) die "unknown suite: $suite" ;;
	esac
done
exit "$status"
