#!/usr/bin/env bash
# npm run bench: the benchmark behind the README's "Performance" section. Boots (or reuses) the
# bench site and the Amazon emulator, writes pages with 0–500 product references, measures them
# (tools/bench/bench.mjs) and writes tests/bench/results/latest.md. Stops everything it started.
#
#   ACAPI_BENCH_REPS=25 ACAPI_BENCH_PORT=8971 ACAPI_EMULATOR_PORT=9471 bash tools/bench/run.sh
set -euo pipefail
source "$(dirname "$0")/setup.sh"
bench_setup "${ACAPI_BENCH_SIZES:-0,10,50,100,500}"
node "$ACAPI_ROOT/tools/bench/bench.mjs"
