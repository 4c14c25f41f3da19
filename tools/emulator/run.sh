#!/usr/bin/env bash
# Starts the Amazon emulator: compiles tools/emulator/src to dist when dist is missing or older
# than the sources, then runs it (exec, so SIGTERM/SIGINT reach node directly).
# Usage: bash tools/emulator/run.sh --port 9411 [--host 127.0.0.1] [...]   (see README.md)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
main="$here/dist/main.js"

needs_build=0
if [[ ! -f "$main" ]]; then
	needs_build=1
elif [[ -n "$(find "$here/src" "$here/tsconfig.json" -newer "$main" -print -quit)" ]]; then
	needs_build=1
fi

if [[ "$needs_build" == 1 ]]; then
	tsc="$root/node_modules/.bin/tsc"
	if [[ ! -x "$tsc" ]]; then
		echo "Amazon emulator: $tsc not found; run npm install first." >&2
		exit 1
	fi
	"$tsc" -p "$here/tsconfig.json" >&2
	touch "$main"
fi

exec node "$main" "$@"
