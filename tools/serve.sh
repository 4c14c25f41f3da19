#!/usr/bin/env bash
# Starts or stops the services of a local site: the Amazon emulator and PHP's web server.
#
#   tools/serve.sh start <site-name> <port>    tools/serve.sh stop <site-name>
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${ACAPI_EMULATOR_PORT:=9411}"

action="${1:?start|stop}"; name="${2:?site name}"; port="${3:-8888}"
run="$ACAPI_WP_DIR/run/$name"
site="$ACAPI_WP_DIR/sites/$name"
mkdir -p "$run"

# ACAPI_DEMO_IMAGES=1 (npm start sets it): the emulator serves placeholder product images itself.
demo_images=""; [ "${ACAPI_DEMO_IMAGES:-0}" = 1 ] && demo_images="--demo-images"

case "$action" in
start)
	stop_group "$run/php.pid"
	stop_group "$run/emulator.pid"
	if [ -f "$ACAPI_ROOT/tools/emulator/run.sh" ]; then
		if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$ACAPI_EMULATOR_PORT/__emulator/log"; then
			say "an Amazon emulator already answers on port $ACAPI_EMULATOR_PORT: using it"
		else
			start_group "$run/emulator.log" "$run/emulator.pid" bash "$ACAPI_ROOT/tools/emulator/run.sh" --port "$ACAPI_EMULATOR_PORT" $demo_images
			wait_for_url "http://127.0.0.1:$ACAPI_EMULATOR_PORT/__emulator/log" 30 || { cat "$run/emulator.log" >&2; die "the Amazon emulator did not start"; }
		fi
	else
		say "no Amazon emulator in this checkout yet: the site starts without it"
	fi
	if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
		die "port $port is taken by another program; stop it first"
	fi
	PHP_CLI_SERVER_WORKERS="${PHP_CLI_SERVER_WORKERS:-4}" start_group "$run/php.log" "$run/php.pid" \
		php -d memory_limit=512M -S "127.0.0.1:$port" -t "$site" "$ACAPI_ROOT/tools/router.php"
	wait_for_url "http://127.0.0.1:$port/wp-login.php" 30 || { cat "$run/php.log" >&2; die "the web server did not start"; }
	;;
stop)
	stop_group "$run/php.pid"
	stop_group "$run/emulator.pid"
	;;
*) die "usage: tools/serve.sh start|stop <site-name> [port]" ;;
esac
