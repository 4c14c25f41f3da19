#!/usr/bin/env bash
# Installs what this machine lacks to run the plugin (--for=start), every test (--for=test) or
# the field stack of npm run test:field (--for=field: nginx, PHP-FPM, Varnish, Redis, phpredis,
# MariaDB), and says what it installs. Safe to run again: it installs nothing that is already there.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

purpose="test"
for arg in "$@"; do case "$arg" in --for=*) purpose="${arg#--for=}" ;; esac; done

apt_packages=(php8.2-cli php8.2-sqlite3 php8.2-curl php8.2-xml php8.2-mbstring php8.2-intl php8.2-zip unzip zip rsync curl gettext)
if [ "$purpose" = "test" ]; then
	apt_packages+=(php8.2-mysql mariadb-server chromium)
elif [ "$purpose" = "field" ]; then
	apt_packages+=(php8.2-mysql mariadb-server nginx php8.2-fpm varnish redis-server php8.2-redis)
fi

missing=()
for pkg in "${apt_packages[@]}"; do
	dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
	say "installing Debian packages: ${missing[*]}"
	sudo_cmd=()
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null || die "run as root, or install: apt-get install ${missing[*]}"
		sudo_cmd=(sudo)
	fi
	"${sudo_cmd[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cd "$ACAPI_ROOT"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	say "installing npm packages (npm ci)"
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# The plugin itself needs no Composer package (its autoloader is its own); these are the dev
# tools, installed for npm start too so that a fresh clone is ready for work.
if [ ! -f vendor/autoload.php ] || [ composer.json -nt vendor/autoload.php ]; then
	say "installing Composer packages (PHPUnit, PHPCS with WordPress standards, PHPStan, WordPress stubs)"
	composer install --no-interaction --no-progress --quiet
	touch vendor/autoload.php
fi
