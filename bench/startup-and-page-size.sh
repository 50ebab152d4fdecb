#!/usr/bin/env bash
# Measures (1) the time from `java -jar target/byline.jar` to the first 200 of /healthz on a fresh
# data directory, against a baseline in the same run: the time for the same JVM to run `-version`;
# and (2) the size of each essay page with no comments, raw and as served gzip-compressed.
# Usage: mvn -q -DskipTests package && bash bench/startup-and-page-size.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
runs=${1:-5}
require_jar

now_ms() { date +%s%3N; }

baseline_total=0; startup_total=0
for i in $(seq 1 "$runs"); do
  t0=$(now_ms); java -version >/dev/null 2>&1; t1=$(now_ms)
  baseline_total=$((baseline_total + t1 - t0))

  data=$(mktemp -d); port=$(free_port)
  t0=$(now_ms)
  BYLINE_DATA_DIR="$data" BYLINE_PORT="$port" java -jar "$jar" >"$data/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.01; done
  t1=$(now_ms)
  startup_total=$((startup_total + t1 - t0))
  if [ "$i" -eq "$runs" ]; then
    echo "page sizes (no comments):"
    for slug in f1-score-rises-while-loss-keeps-increasing loss-of-attribution; do
      url="http://127.0.0.1:$port/essays/$slug"
      raw=$(curl -fs "$url" | wc -c)
      gz=$(curl -fs -H 'Accept-Encoding: gzip' "$url" | wc -c)
      gzlocal=$(curl -fs "$url" | gzip -9 | wc -c)
      printf '  /essays/%s: %d bytes raw, %d bytes as served gzip (gzip -9 of the page: %d)\n' "$slug" "$raw" "$gz" "$gzlocal"
    done
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$data"
done
b=$((baseline_total / runs)); s=$((startup_total / runs))
echo "baseline (java -version): ${b} ms mean of $runs"
echo "java -jar to first /healthz 200: ${s} ms mean of $runs ($(python3 -c "print(f'{$s/$b:.1f}')")x baseline)"
