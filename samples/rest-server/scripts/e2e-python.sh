#!/usr/bin/env bash
# End-to-end check of the REST server with the stdlib-only Python client, as CI runs it: starts
# the server that the last build packaged (scripts/run-server.sh; if none is built yet, it builds
# one first) on a free port and a temporary data directory, takes the API key it prints, runs
# client/flows_client.py (prompt -> poll every second -> list outputs -> download the GLB),
# checks the file starts with the glTF magic, then stops the server with SIGTERM and checks it
# stopped gracefully. Exits non-zero on any failure.
# Usage: samples/rest-server/scripts/e2e-python.sh   (from anywhere; needs python3)
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/../.." && pwd)"
work="$(mktemp -d)"
server_pid=""

cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "e2e-python: $*" >&2
  echo "--- server stdout" >&2; cat "$work/stdout" >&2 || true
  echo "--- server stderr (last 40 lines)" >&2; tail -n 40 "$work/stderr" >&2 || true
  exit 1
}

if [[ ! -f "$module/target/rest-server.jar" ]]; then
  echo "e2e-python: no packaged server yet; building it"
  (cd "$root" && ./mvnw -B -q -pl samples/rest-server -am package -DskipTests)
fi
echo "e2e-python: starting the server (data in $work/data)"
"$module/scripts/run-server.sh" --port 0 --data-dir "$work/data" >"$work/stdout" 2>"$work/stderr" &
server_pid=$!

# The server prints its URL, then its key.
for _ in $(seq 1 240); do
  grep -q '^API key: ' "$work/stdout" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server stopped before printing its key"
  sleep 0.5
done
base_url="$(sed -n 's/^Flows API listening on //p' "$work/stdout")"
api_key="$(sed -n 's/^API key: \(fe_[A-Za-z0-9_-]*\)$/\1/p' "$work/stdout")"
[[ -n "$base_url" && -n "$api_key" ]] || fail "no base URL or API key in the server's output"
echo "e2e-python: server $server_pid at $base_url"

python3 "$module/client/flows_client.py" --base-url "$base_url" --api-key "$api_key" \
  --prompt "Hello flows" --out "$work/model.glb" || fail "the Python client failed"
[[ "$(head -c 4 "$work/model.glb")" == "glTF" ]] || fail "the downloaded file is not a GLB"

echo "e2e-python: stopping the server with SIGTERM"
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
# A JVM that ran its shutdown hooks after SIGTERM exits with 143 (128 + 15).
[[ "$status" == 0 || "$status" == 143 ]] || fail "the server did not stop cleanly (exit $status)"
grep -q "stopped; unfinished flows are recovered" "$work/stderr" \
  || fail "the server did not log a graceful stop"
echo "e2e-python: passed ($(wc -c <"$work/model.glb") byte GLB)"
