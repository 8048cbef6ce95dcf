#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:${PGPORT:-54329} and creates the test database.
# Prints the DATABASE_URL to use. Installs PostgreSQL from Debian when it is absent.
set -euo pipefail
port=${PGPORT:-54329}
base=${PGBASE:-/tmp/onestop-pg}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ]; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
if ! "$bin/pg_isready" -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
  rm -rf "$base"; mkdir -p "$base/sock"; chown -R postgres:postgres "$base"
  runuser -u postgres -- "$bin/initdb" -D "$base/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$base/data" -l "$base/log" \
    -o "-p $port -k $base/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" -w start >/dev/null
fi
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='onestop_test'" | grep -q 1 \
  || "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE onestop_test" >/dev/null
echo "postgresql://postgres@127.0.0.1:$port/onestop_test"
