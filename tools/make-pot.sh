#!/usr/bin/env bash
# Writes languages/creators-connect-for-amazon.pot from the PHP (xgettext) and the TypeScript (Babel),
# merged with msgcat. Deterministic: no creation date, so an unchanged source gives an unchanged file.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ACAPI_ROOT"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
out="languages/$ACAPI_SLUG.pot"

git ls-files -co --exclude-standard plugin.php uninstall.php 'includes/*.php' 'blocks/*.php' 'templates/*.php' > "$tmp/php-files"
xgettext --language=PHP --from-code=UTF-8 --files-from="$tmp/php-files" --output="$tmp/php.pot" \
	--add-comments=translators: --sort-by-file --no-wrap --package-name="Creators Connect for Amazon" \
	-k__ -k_e -k_x:1,2c -k_ex:1,2c -k_n:1,2 -k_nx:1,2,4c -k_n_noop:1,2 -k_nx_noop:1,2,3c \
	-kesc_html__ -kesc_html_e -kesc_html_x:1,2c -kesc_attr__ -kesc_attr_e -kesc_attr_x:1,2c 2>/dev/null || true

mapfile -t ts_files < <(git ls-files -co --exclude-standard 'src/*.ts' 'src/*.tsx' 'blocks/*.ts' 'blocks/*.tsx' | grep -v '\.d\.ts$')
mkdir -p "$tmp/js"
node tools/make-pot.mjs "$tmp/js" "${ts_files[@]}"

# The header's and block.json's strings first: msgcat --use-first keeps the first file's comments
# ("Plugin Name of the plugin"), and merges every file's references.
pots=("$tmp/js/meta.pot")
[ -s "$tmp/php.pot" ] && pots+=("$tmp/php.pot")
for pot in "$tmp"/js/*.pot; do
	[ "$pot" = "$tmp/js/meta.pot" ] && continue
	grep -q '^#: ' "$pot" && pots+=("$pot")
done
{
	cat <<HEADER
# Copyright (C) $(date +%Y) Creators Connect contributors
# This file is distributed under the GPL-2.0-or-later.
msgid ""
msgstr ""
"Project-Id-Version: Creators Connect for Amazon $(node -p 'require("./package.json").version')\n"
"Report-Msgid-Bugs-To: \n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"X-Domain: $ACAPI_SLUG\n"

HEADER
	msgcat --use-first --no-wrap --sort-by-file "${pots[@]}" | sed -e '1,/^$/d'
} > "$tmp/all.pot"
mkdir -p languages
mv "$tmp/all.pot" "$out"
say "wrote $out ($(grep -c '^msgid "' "$out") strings)"
