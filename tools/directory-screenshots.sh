#!/usr/bin/env bash
# Copies the screenshots the Playwright suite wrote (artifacts/) to the names the plugin
# directory reads from its assets folder: screenshot-<N>.png, in the order of readme.txt's
# "Screenshots" section (tests/e2e/directory-screenshots.json). Run after `npm run test:e2e`.
#   tools/directory-screenshots.sh [out-dir]   (default artifacts/wordpress-org)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ACAPI_ROOT"
artifacts="${ACAPI_ARTIFACTS:-$ACAPI_ROOT/artifacts}"
out="${1:-$artifacts/wordpress-org}"
mkdir -p "$out"
n=0
while read -r name; do
	n=$((n + 1))
	[ -f "$artifacts/$name" ] || die "$artifacts/$name is missing: run npm run test:e2e first"
	cp "$artifacts/$name" "$out/screenshot-$n.png"
	say "screenshot-$n.png ← $name"
done < <(node -e 'for (const f of require(process.argv[1])) console.log(f)' "$ACAPI_ROOT/tests/e2e/directory-screenshots.json")
