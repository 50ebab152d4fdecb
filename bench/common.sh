# Shared by the bench/*.sh scripts (sourced, run from the repository root).

jar=target/byline.jar

# The benchmarks measure the jar as built; they build nothing themselves.
require_jar() {
  [ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits up to 60 s for PORT's /healthz to answer 200; on failure shows LOG and returns 1.
wait_for_healthz() {
  local port=$1 log=$2
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  cat "$log" >&2
  return 1
}
