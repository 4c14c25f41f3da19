#!/usr/bin/env bash
# npm run plugin-zip: an installable zip of the plugin (the package.json "files": PHP, built
# assets, languages; no sources, tests or dev tooling) at ./creators-connect-for-amazon.zip.
# ACAPI_SKIP_BUILD=1 zips the build that is there.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ACAPI_ROOT"
[ "${ACAPI_SKIP_BUILD:-}" = 1 ] || bash tools/build.sh >/dev/null
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$ACAPI_SLUG"
sync_plugin "$stage"
mv "$stage/wp-content/plugins/$ACAPI_SLUG" "$stage/pkg"
rm -rf "$stage/$ACAPI_SLUG" && mv "$stage/pkg" "$stage/$ACAPI_SLUG"
rm -f "$ACAPI_ROOT/$ACAPI_SLUG.zip"
(cd "$stage" && zip -qr -X "$ACAPI_ROOT/$ACAPI_SLUG.zip" "$ACAPI_SLUG")
say "wrote $ACAPI_SLUG.zip ($(du -h "$ACAPI_ROOT/$ACAPI_SLUG.zip" | cut -f1))"
