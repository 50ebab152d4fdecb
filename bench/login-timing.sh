#!/usr/bin/env bash
# Does sign-in take longer for a handle that exists (wrong password) than for one that does not? It
# must not, or the time tells a stranger which handles have accounts. Starts the jar on a fresh data
# directory (rate limits off), registers one person, then interleaves N rounds of:
#   GET /healthz (baseline), POST /login existing+wrong password, POST /login unknown handle,
#   POST /register with a fresh handle
# and prints each median and its ratio to the baseline and to each other. Registration hashes the
# password before it looks for the handle, so "taken" and "new" cost about the same too (a taken
# handle is no secret anyway: every person has a public page). Not part of the test run.
# Usage: mvn -q -DskipTests package && bash bench/login-timing.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-30}
jar=target/byline.jar
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
data=$(mktemp -d); port=$(free_port); base="http://127.0.0.1:$port"
BYLINE_DATA_DIR="$data" BYLINE_PORT="$port" BYLINE_RATE_LIMIT=off java -jar "$jar" >"$data/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs "$base/healthz" >/dev/null 2>&1; do sleep 0.1; done

# a fresh browser: its cookie jar and the CSRF token its forms carry
token() { curl -fs -c "$1" -b "$1" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
# seconds for one request (curl's own clock: connect to last byte)
timed_post() { # jar path form
  curl -s -o /dev/null -w '%{time_total}\n' -c "$1" -b "$1" --data "$3" "$base$2"
}

jar="$data/jar"; t=$(token "$jar")
curl -fs -o /dev/null -c "$jar" -b "$jar" --data "_csrf=$t&handle=alice&displayName=Alice+Liddell&password=correct+horse+battery" "$base/register"

for f in healthz existing unknown register; do : >"$data/$f"; done
for i in $(seq 1 "$rounds"); do
  curl -s -o /dev/null -w '%{time_total}\n' "$base/healthz" >>"$data/healthz"
  login="$data/login-jar"; rm -f "$login"; t=$(token "$login")
  timed_post "$login" /login "_csrf=$t&handle=alice&password=wrong+password+$i" >>"$data/existing"
  timed_post "$login" /login "_csrf=$t&handle=nobody$i&password=wrong+password+$i" >>"$data/unknown"
  reg="$data/reg-jar"; rm -f "$reg"; t=$(token "$reg")
  timed_post "$reg" /register "_csrf=$t&handle=person$i&displayName=Person+$i&password=correct+horse+battery" >>"$data/register"
done

median() { sort -g "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) * 1000}'; }
h=$(median "$data/healthz"); e=$(median "$data/existing"); u=$(median "$data/unknown"); r=$(median "$data/register")
printf 'medians of %d rounds (ms): healthz %.1f, sign-in existing+wrong %.1f, sign-in unknown %.1f, register %.1f\n' "$rounds" "$h" "$e" "$u" "$r"
awk -v h="$h" -v e="$e" -v u="$u" -v r="$r" 'BEGIN {
  printf "vs healthz: existing %.1fx, unknown %.1fx, register %.1fx\n", e/h, u/h, r/h
  printf "existing / unknown: %.2f (1.00 = the time tells nothing)\n", e/u
  printf "register / unknown sign-in: %.2f\n", r/u }'
