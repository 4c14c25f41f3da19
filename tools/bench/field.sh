#!/usr/bin/env bash
# npm run bench:field: the field stack's figures for the README's "Performance in the field".
# Starts the field stack (tools/field.sh) for the bench site, writes the N = 50 pages
# (tools/bench/ctl.php), installs the probe mu-plugin, measures (tools/bench/field.mjs), writes
# tests/bench/results/field-latest.md and stops everything it started. Reports; asserts nothing.
#
#   ACAPI_BENCH_SITE=bench-field ACAPI_EMULATOR_PORT=9470 ACAPI_FIELD_PORT=8850 bash tools/bench/field.sh
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$ACAPI_ROOT"

export ACAPI_EMULATOR_PORT="${ACAPI_EMULATOR_PORT:-9471}"
export ACAPI_FIELD_SITE="${ACAPI_BENCH_SITE:-bench-field}"
export ACAPI_FIELD_STACK="$ACAPI_WP_DIR/$ACAPI_FIELD_SITE-stack/stack.json"
site="$ACAPI_WP_DIR/sites/$ACAPI_FIELD_SITE"

bash tools/install-deps.sh --for=field
[ -f build/blocks/blocks-manifest.php ] || bash tools/build.sh >/dev/null
trap 'bash tools/field.sh stop' EXIT
bash tools/field.sh start >/dev/null
cp tools/bench/acapi-bench-mu-plugin.php "$site/wp-content/mu-plugins/acapi-bench.php"
# shellcheck source=/dev/null
source "$ACAPI_WP_DIR/$ACAPI_FIELD_SITE-stack/env.sh"
php tools/bench/ctl.php "$site" pages 50 >"$ACAPI_WP_DIR/$ACAPI_FIELD_SITE-stack/manifest.json"
export ACAPI_BENCH_MANIFEST="$ACAPI_WP_DIR/$ACAPI_FIELD_SITE-stack/manifest.json"
export ACAPI_BENCH_SITE_DIR="$site"   # tools/bench/lib.mjs machine() reads the versions there
node tools/bench/field.mjs
