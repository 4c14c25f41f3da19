#!/usr/bin/env bash
# Builds the plugin's assets: the marketplace registry and the settings schemas for TypeScript,
# the blocks, the admin app.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ACAPI_ROOT"
if [ -f tools/export-marketplaces.php ]; then
	php tools/export-marketplaces.php src/shared/marketplaces.json
fi
php tools/export-settings-schema.php src/shared/settings-schema.ts
npx wp-scripts build --blocks-manifest --webpack-src-dir=blocks --output-path=build/blocks
npx wp-scripts build --config tools/webpack.admin.config.js --output-path=build/admin
bash tools/make-pot.sh
