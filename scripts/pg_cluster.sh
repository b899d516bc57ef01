#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests and benchmarks, on a Unix socket only.
#
#   scripts/pg_cluster.sh start DIR [--durable]   # prints the URL: postgresql://postgres@/postgres?host=DIR
#   scripts/pg_cluster.sh stop DIR
#
# PostgreSQL refuses to run as root, so as root the cluster belongs to an unprivileged user
# (newsfuse-pg, made if missing). Without --durable, fsync is off: fast, and fine for data
# that is thrown away. The binaries are found on PATH or under /usr/lib/postgresql/*/bin.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a directory for the cluster}
durable=${3:-}
bin=$(dirname "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")
if [ ! -x "$bin/initdb" ]; then
  echo "no PostgreSQL binaries (initdb): install the postgresql package" >&2
  exit 2
fi
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su newsfuse-pg -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}
case "$action" in
  start)
    if [ "$(id -u)" -eq 0 ] && ! id newsfuse-pg >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin newsfuse-pg
    fi
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown newsfuse-pg "$dir"
    chmod 700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "'$bin/initdb' -D '$dir/data' -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
        || as_owner "'$bin/initdb' -D '$dir/data' -U postgres -A trust --no-sync -E UTF8 --locale=C" >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "$durable" = "--durable" ] && fast=""
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
      -o \"-c listen_addresses='' -k '$dir' -c max_connections=200 $fast\" start" >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://postgres@/postgres?host=$dir"
    ;;
  stop)
    [ -f "$dir/data/postmaster.pid" ] && as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR [--durable]" >&2
    exit 2
    ;;
esac
