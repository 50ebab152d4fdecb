#!/usr/bin/env bash
# Load benchmark: CLIENTS people (default 64), each with its own session and CSRF token, run a mix of reads
# (essay pages, statement pages, person pages, the JSON API, the ledger head) and writes (post, reply,
# edit) for SECONDS (default 60) against the real jar on a fresh H2 data directory. Before the mix, the
# same clients request /healthz for BASELINE seconds: throughput is printed as a ratio against it.
# Prints requests/s and p50/p90/p99/max latency per request kind; then stops the app with SIGKILL (a crash:
# only what was durable when it was acknowledged survives; --graceful stops it with SIGTERM instead), checks
# that every acknowledged write is stored with its exact text and runs `byline.jar verify` on the data.
# Exits non-zero on any error (non-2xx/3xx answer or exception), any lost write, or a failed verify.
# The client (bench/LoadClient.java) runs on the same machine as the server and shares its cores.
#
# Usage: mvn -q -DskipTests package && bash bench/load.sh [--clients N] [--seconds D] [--baseline-seconds B] [--graceful]
# It builds nothing: it runs target/byline.jar as it is. Benchmark, not a test: `mvn verify` does not run it.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
clients=64; seconds=60; baseline=; stop_signal=KILL
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --baseline-seconds) baseline=$2; shift 2 ;;
    --graceful) stop_signal=TERM; shift ;;
    *) echo "usage: bash bench/load.sh [--clients N] [--seconds D] [--baseline-seconds B] [--graceful]" >&2; exit 2 ;;
  esac
done
baseline=${baseline:-$(( seconds / 6 > 3 ? seconds / 6 : 3 ))}
require_jar

work=$(mktemp -d /tmp/byline-load-XXXXXX)
app_pid=
status=0
cleanup() {
  local exit_code=$?
  [ "$exit_code" -ne 0 ] && status=1 # a step that failed under set -e counts as a failed run
  [ -n "$app_pid" ] && { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; }
  # a failed run keeps its data directory and server log for a look
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "kept for inspection: $work (app.log, data/)" >&2; fi
}
trap cleanup EXIT

port=$(free_port)
# rate limits off: 64 people posting flat out from one address would otherwise get 429s by design.
# pre-moderation off: a new account's first statements would wait for a moderator, unreadable to the others.
BYLINE_PORT=$port BYLINE_DATA_DIR="$work/data" BYLINE_RATE_LIMIT=off BYLINE_PREMODERATION=0 \
  java -jar "$jar" >"$work/app.log" 2>&1 &
app_pid=$!
wait_for_healthz "$port" "$work/app.log" || { status=1; exit 1; }

echo "load: $clients clients, ${seconds}s mixed after a ${baseline}s /healthz baseline, $(nproc) cores (client and server share them)"
echo "      fresh H2 data directory; BYLINE_RATE_LIMIT=off and BYLINE_PREMODERATION=0 for the benchmark"
java -cp "$jar" bench/LoadClient.java mixed "http://127.0.0.1:$port" "$clients" "$seconds" "$baseline" "$work/writes.tsv" || status=1
# the client sees a 500 as an error anyway; the log says why (and shows warnings such as a pool running dry)
if grep -q -E ' (ERROR|WARN) ' "$work/app.log"; then
  echo "server log (first warnings and errors):" >&2; grep -m 10 -E ' (ERROR|WARN) ' "$work/app.log" >&2
  grep -q ' ERROR ' "$work/app.log" && status=1
fi

# killed (or stopped), then the data is checked as the next start would find it
if ! kill -0 "$app_pid" 2>/dev/null; then echo "load: the app had stopped by itself (see app.log)" >&2; status=1; fi
kill -s "$stop_signal" "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=
echo "load: app stopped with SIG$stop_signal; checking the data as the next start finds it"
java -cp "$jar" bench/LoadClient.java check-writes "jdbc:h2:file:$work/data/byline" sa "" "$work/writes.tsv" || status=1
BYLINE_DATA_DIR="$work/data" java -jar "$jar" verify || status=1
[ "$status" -eq 0 ] && echo "load: OK (no errors, no lost writes, ledger verified)" || echo "load: FAILED" >&2
exit "$status"
