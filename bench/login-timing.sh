#!/usr/bin/env bash
# Does sign-in take longer for a handle that exists (wrong password) than for one that does not? It
# must not, or the time tells a stranger which handles have accounts. Starts the jar on a fresh data
# directory (rate limits off), registers one person, then interleaves N rounds of:
#   GET /healthz (baseline), POST /login existing+wrong password, POST /login unknown handle,
#   POST /register with a fresh handle, POST /register with the taken handle
# and prints each median and its ratio to the baseline and to each other, with the statuses seen: the
# two sign-ins must answer with the same status, and no answer may be a 5xx or a 429 (which would time
# something else). Registration hashes the password before it looks for the handle, so "taken" and
# "new" cost about the same too (a taken handle is no secret anyway: every person has a public page).
# Not part of the test run.
# Usage: mvn -q -DskipTests package && bash bench/login-timing.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-30}
. bench/common.sh
require_jar
data=$(mktemp -d); port=$(free_port); base="http://127.0.0.1:$port"
BYLINE_DATA_DIR="$data" BYLINE_PORT="$port" BYLINE_RATE_LIMIT=off java -jar "$jar" >"$data/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT
wait_for_healthz "$port" "$data/log"

# a fresh browser: its cookie jar and the CSRF token its forms carry
token() { curl -fs -c "$1" -b "$1" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
# one request: its status, then its seconds (curl's own clock: connect to last byte)
timed_post() { # jar path form
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -c "$1" -b "$1" --data "$3" "$base$2"
}

jar="$data/jar"; t=$(token "$jar")
curl -s -o /dev/null -c "$jar" -b "$jar" --data "_csrf=$t&handle=alice&displayName=Alice+Liddell&password=correct+horse+battery" "$base/register"

for f in healthz existing unknown register taken; do : >"$data/$f"; done
for i in $(seq 1 "$rounds"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$base/healthz" >>"$data/healthz"
  login="$data/login-jar"; rm -f "$login"; t=$(token "$login")
  # in turn first and second, so neither gains from going first (a warm connection, a warm cache)
  if [ $((i % 2)) -eq 1 ]; then
    timed_post "$login" /login "_csrf=$t&handle=alice&password=wrong+password+$i" >>"$data/existing"
    timed_post "$login" /login "_csrf=$t&handle=nobody$i&password=wrong+password+$i" >>"$data/unknown"
  else
    timed_post "$login" /login "_csrf=$t&handle=nobody$i&password=wrong+password+$i" >>"$data/unknown"
    timed_post "$login" /login "_csrf=$t&handle=alice&password=wrong+password+$i" >>"$data/existing"
  fi
  reg="$data/reg-jar"; rm -f "$reg"; t=$(token "$reg")
  timed_post "$reg" /register "_csrf=$t&handle=person$i&displayName=Person+$i&password=correct+horse+battery" >>"$data/register"
  reg="$data/reg-jar"; rm -f "$reg"; t=$(token "$reg")
  timed_post "$reg" /register "_csrf=$t&handle=alice&displayName=Person+$i&password=correct+horse+battery" >>"$data/taken"
done

statuses() { cut -d' ' -f1 "$1" | sort | uniq -c | awk '{printf "%s%s x%s", (NR>1 ? ", " : ""), $2, $1}'; }
ok=1
for f in healthz existing unknown register taken; do
  echo "statuses, $f: $(statuses "$data/$f")"
  if cut -d' ' -f1 "$data/$f" | grep -qE '^(5..|429|000)$'; then echo "login-timing: $f had a 5xx, 429 or no answer: its times mean nothing" >&2; ok=0; fi
done
if [ "$(cut -d' ' -f1 "$data/existing" | sort -u)" != "$(cut -d' ' -f1 "$data/unknown" | sort -u)" ]; then
  echo "login-timing: the two sign-ins answered with different statuses" >&2; ok=0
fi
for f in healthz existing unknown register taken; do cut -d' ' -f2 "$data/$f" >"$data/$f.t"; done

median() { sort -g "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) * 1000}'; }
h=$(median "$data/healthz.t"); e=$(median "$data/existing.t"); u=$(median "$data/unknown.t")
r=$(median "$data/register.t"); k=$(median "$data/taken.t")
printf 'medians of %d rounds (ms): healthz %.1f, sign-in existing+wrong %.1f, sign-in unknown %.1f, register new %.1f, register taken %.1f\n' \
  "$rounds" "$h" "$e" "$u" "$r" "$k"
awk -v h="$h" -v e="$e" -v u="$u" -v r="$r" -v k="$k" 'BEGIN {
  printf "vs healthz: existing %.1fx, unknown %.1fx, register new %.1fx, register taken %.1fx\n", e/h, u/h, r/h, k/h
  printf "existing / unknown: %.2f (1.00 = the time tells nothing)\n", e/u
  printf "register taken / new: %.2f; register new / unknown sign-in: %.2f\n", k/r, r/u }'
[ "$ok" -eq 1 ]
