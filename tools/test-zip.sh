#!/usr/bin/env bash
# Installs the release zip into a fresh WordPress, activates it, opens the front page, the
# Plugins screen and the settings page as the admin, and fails on any PHP notice, warning or
# deprecation in the debug log.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
export ACAPI_EMULATOR_PORT="${ACAPI_EMULATOR_PORT:-9412}"
cd "$ACAPI_ROOT"

port="${ACAPI_ZIP_PORT:-8891}"   # another port lets two runs go side by side
site="$ACAPI_WP_DIR/sites/zip"
ACAPI_SKIP_BUILD="${ACAPI_SKIP_BUILD:-1}" bash tools/plugin-zip.sh || exit 1
bash tools/wp-site.sh zip "$port" --reset --no-plugin || exit 1
unzip -q "$ACAPI_SLUG.zip" -d "$site/wp-content/plugins" || exit 1
[ ! -e "$site/wp-content/plugins/$ACAPI_SLUG/tests" ] && [ ! -e "$site/wp-content/plugins/$ACAPI_SLUG/src" ] \
	&& [ ! -e "$site/wp-content/plugins/$ACAPI_SLUG/vendor" ] || { say "the zip holds sources, tests or vendor/"; exit 1; }
# The directory reads readme.txt from the zip: it must be there, with the plugin's version as Stable tag.
readme="$site/wp-content/plugins/$ACAPI_SLUG/readme.txt"
[ -f "$readme" ] || { say "the zip holds no readme.txt"; exit 1; }
version="$(sed -n 's/^ \* Version: *//p' "$site/wp-content/plugins/$ACAPI_SLUG/plugin.php")"
grep -qx "Stable tag: $version" "$readme" || { say "readme.txt's Stable tag is not the plugin's version $version"; exit 1; }
php tools/wp-install.php "$site" "http://127.0.0.1:$port" >/dev/null || exit 1

trap 'bash tools/serve.sh stop zip' EXIT
bash tools/serve.sh start zip "$port" || exit 1
jar="$(mktemp)"
base="http://127.0.0.1:$port"
curl -sf -o /dev/null "$base/" || { say "the front page failed"; exit 1; }
curl -s -o /dev/null -c "$jar" -b "wordpress_test_cookie=WP%20Cookie%20check" \
	--data-urlencode log=admin --data-urlencode pwd=password --data-urlencode testcookie=1 "$base/wp-login.php"
plugins="$(curl -sf -b "$jar" "$base/wp-admin/plugins.php")" || { say "the Plugins screen failed"; exit 1; }
grep -q 'data-plugin="creators-connect-for-amazon/plugin.php"' <<<"$plugins" || { say "the plugin is not listed"; exit 1; }
if grep -q "Creators Connect for Amazon is not running" <<<"$plugins"; then say "the Plugins screen says the plugin is not running"; exit 1; fi
settings="$(curl -sf -b "$jar" "$base/wp-admin/options-general.php?page=$ACAPI_SLUG")" || { say "the settings page failed"; exit 1; }
grep -q 'id="acapi-settings-root"' <<<"$settings" || { say "the settings page has no app root"; exit 1; }
rm -f "$jar"
if [ -s "$site/wp-content/debug.log" ]; then
	say "debug.log after installing the zip:"; cat "$site/wp-content/debug.log" >&2
	exit 1
fi
say "the zip installs and activates with an empty debug log"
