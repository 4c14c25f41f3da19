#!/usr/bin/env bash
# Starts or stops a throwaway MariaDB server for the tests: a plain process on a socket under
# .wp/mariadb, no networking, no systemd.   tools/mariadb.sh start|stop
# Prints the socket path on start.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

dir="${ACAPI_MARIADB_DIR:-$ACAPI_WP_DIR/mariadb}"
sock="$dir/mysqld.sock"
case "${1:?start|stop}" in
start)
	stop_group "$dir/mysqld.pid.group"
	rm -rf "$dir"; mkdir -p "$dir/data"
	command -v mariadb-install-db >/dev/null || die "MariaDB is missing: apt-get install mariadb-server"
	mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
		--skip-test-db --user="$(id -un)" >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; die "mariadb-install-db failed"; }
	start_group "$dir/mysqld.log" "$dir/mysqld.pid.group" mariadbd --no-defaults --datadir="$dir/data" \
		--socket="$sock" --skip-networking --user="$(id -un)" --pid-file="$dir/mysqld.pid" \
		--innodb-buffer-pool-size=64M --innodb-log-file-size=16M --skip-log-bin
	for _ in $(seq 1 100); do [ -S "$sock" ] && break; sleep 0.1; done
	[ -S "$sock" ] || { cat "$dir/mysqld.log" >&2; die "MariaDB did not start"; }
	echo "$sock"
	;;
stop)
	stop_group "$dir/mysqld.pid.group"
	;;
esac
