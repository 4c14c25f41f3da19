#!/usr/bin/env bash
# npm run load: a bounded load run (8 concurrent clients for 30 s, loopback only) against a
# 20-product page while the refresh job runs and the emulator answers every 20th call with a 429
# (tools/bench/load.mjs). Exits non-zero when a target is missed. Stops everything it started.
#
#   ACAPI_LOAD_SECONDS=30 ACAPI_LOAD_CONCURRENCY=8 bash tools/bench/load.sh
set -euo pipefail
source "$(dirname "$0")/setup.sh"
bench_setup "20"
node "$ACAPI_ROOT/tools/bench/load.mjs"
