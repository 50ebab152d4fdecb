#!/usr/bin/env bash
# Statements posted per second through one and through two Byline instances on the same PostgreSQL,
# in one run, the two-instance figure as a ratio against the one-instance baseline. Each phase gets a
# fresh database; CLIENTS signed-in people (spread round-robin over the instances) post for SECONDS.
# Afterwards bench/LoadClient.java (mode post) checks that every acknowledged post (303) is in the database and
# that the ledger is one gapless chain. Benchmark, not a test: `mvn verify` does not run it.
#
# Usage: mvn -q -DskipTests package && bash bench/scale-out.sh [SECONDS] [CLIENTS]
# Needs Debian's PostgreSQL server binaries (apt-get install postgresql); BENCH_PG_BIN overrides where.
# BENCH_PG_DURABLE=0 runs PostgreSQL with fsync and synchronous_commit off (disk out of the picture).
# Only 127.0.0.1 is used; every process started here is stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
seconds=${1:-20}
clients=${2:-8}
require_jar
pgbin=${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$pgbin/postgres" ] || { echo "no PostgreSQL server binaries: apt-get install postgresql (or set BENCH_PG_BIN)" >&2; exit 1; }

work=$(mktemp -d /tmp/byline-bench-XXXXXX)
chmod 755 "$work"
pids=()
pg_pid=
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  # runuser does not pass signals on to postgres: stop it with pg_ctl (fast shutdown)
  if [ -n "$pg_pid" ]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    wait "$pg_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: as root, run it as the postgres account the Debian package made.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "no postgres account (apt-get install postgresql)" >&2; exit 1; }
  as_pg=(runuser -u postgres --)
  mkdir -p "$work/pg" && chown postgres "$work/pg"
fi
pg_port=$(free_port)
"${as_pg[@]}" "$pgbin/initdb" -D "$work/pg/data" -U byline --auth=trust -E UTF8 >"$work/initdb.log" 2>&1
durable=${BENCH_PG_DURABLE:-1}
pg_opts=(-c listen_addresses=127.0.0.1 -c port="$pg_port" -c unix_socket_directories="$work/pg" -c max_connections=100
         -c shared_buffers=256MB)
[ "$durable" = 0 ] && pg_opts+=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
"${as_pg[@]}" "$pgbin/postgres" -D "$work/pg/data" "${pg_opts[@]}" >"$work/postgres.log" 2>&1 &
pg_pid=$!
for _ in $(seq 1 100); do
  "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break
  sleep 0.1
done
"$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || { cat "$work/postgres.log" >&2; exit 1; }
psql_() { "$pgbin/psql" -q -h 127.0.0.1 -p "$pg_port" -U byline -d postgres -v ON_ERROR_STOP=1 "$@"; }

# One phase: a fresh database, N instances on it, the load, the instances stopped. Prints LoadClient's RESULT line.
phase() {
  local instances=$1 db=byline_bench_$1
  psql_ -c "CREATE DATABASE $db" >/dev/null
  local url="jdbc:postgresql://127.0.0.1:$pg_port/$db" bases=() started=()
  for i in $(seq 1 "$instances"); do
    local port; port=$(free_port)
    mkdir -p "$work/app$i-$instances"
    BYLINE_PORT=$port BYLINE_DATA_DIR="$work/app$i-$instances" BYLINE_DB_URL="$url" BYLINE_DB_USER=byline \
      BYLINE_DB_PASSWORD= BYLINE_RATE_LIMIT=off BYLINE_PREMODERATION=0 \
      java -jar "$jar" >"$work/app$i-$instances.log" 2>&1 &
    pids+=($!); started+=($!)
    bases+=("http://127.0.0.1:$port")
    # one at a time: the first migrates and imports, the rest find it done
    wait_for_healthz "$port" "$work/app$i-$instances.log" || return 1
  done
  java -cp "$jar" bench/LoadClient.java post "$seconds" "$clients" "$url" byline "" "${bases[@]}"
  for p in "${started[@]}"; do kill "$p"; wait "$p" 2>/dev/null || true; done
}

echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (durable commits: $([ "$durable" = 0 ] && echo off || echo on)), $(nproc) cores, $clients clients, ${seconds}s per phase"
one=$(phase 1 | grep '^RESULT'); echo "$one"
two=$(phase 2 | grep '^RESULT'); echo "$two"
rate_of() { sed -E 's/.* rate=([0-9.]+).*/\1/' <<<"$1"; }
r1=$(rate_of "$one"); r2=$(rate_of "$two")
echo "one instance:  $r1 statements/s"
echo "two instances: $r2 statements/s"
python3 -c "print(f'ratio two/one: {$r2/$r1:.2f}x the one-instance baseline')"
