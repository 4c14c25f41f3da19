#!/usr/bin/env bash
# Makes sure an Amazon emulator answers on $ACAPI_EMULATOR_PORT, starting one if needed.
#   tools/emulator-up.sh <run-dir>     (stop it with: source tools/lib.sh; stop_group <run-dir>/emulator.pid)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${ACAPI_EMULATOR_PORT:=9411}"
run="${1:?run dir}"; mkdir -p "$run"
url="http://127.0.0.1:$ACAPI_EMULATOR_PORT/__emulator/log"
curl -s -o /dev/null --max-time 1 "$url" && exit 0
[ -f "$ACAPI_ROOT/tools/emulator/run.sh" ] || { say "no Amazon emulator in this checkout"; exit 0; }
start_group "$run/emulator.log" "$run/emulator.pid" bash "$ACAPI_ROOT/tools/emulator/run.sh" --port "$ACAPI_EMULATOR_PORT"
wait_for_url "$url" 30 || { cat "$run/emulator.log" >&2; die "the Amazon emulator did not start"; }
