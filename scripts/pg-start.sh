#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the real-Postgres test leg and prints its DATABASE_URL.
# Installs Debian's postgresql when the machine has none (CI runs as root on a fresh machine).
set -euo pipefail
port="${PGPORT_TEST:-54329}"
dir="${PGDATA_TEST:-/tmp/customerdesk-pg-$port}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ]; then
  echo "installing postgresql from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
run_as=()
if [ "$(id -u)" = "0" ]; then run_as=(runuser -u postgres --); fi
url="postgres://postgres:postgres@127.0.0.1:$port/postgres"
if [ -f "$dir/postmaster.pid" ] && "${run_as[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  echo "$url"
  exit 0
fi
rm -rf "$dir"; mkdir -p "$dir"
[ "$(id -u)" = "0" ] && chown postgres "$dir"
# Passwords are checked over TCP (scram), so a wrong password fails as it would in production.
echo postgres > "$dir.pw"; chmod 644 "$dir.pw"
"${run_as[@]}" "$bin/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile="$dir.pw" -E UTF8 >/dev/null
rm -f "$dir.pw"
"${run_as[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/log" -w \
  -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "$url"
