#!/usr/bin/env bash
# End-to-end check of the REST server with the stdlib-only Python client, as CI runs it:
# builds the server and starts it with the README's command on a free port and a temporary data
# directory, takes the API key it prints, runs client/flows_client.py (prompt -> poll every
# second -> list outputs -> download the GLB), checks the file starts with the glTF magic, then
# stops the server with SIGTERM and checks it stopped gracefully. Exits non-zero on any failure.
# Usage: samples/rest-server/scripts/e2e-python.sh   (from anywhere; needs python3 and ./mvnw)
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/../.." && pwd)"
work="$(mktemp -d)"
mvn_pid=""
server_pid=""

cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid"; fi
  if [[ -n "$mvn_pid" ]] && kill -0 "$mvn_pid" 2>/dev/null; then kill -TERM "$mvn_pid"; fi
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "e2e-python: $*" >&2
  echo "--- server stdout" >&2; cat "$work/stdout" >&2 || true
  echo "--- server stderr (last 40 lines)" >&2; tail -n 40 "$work/stderr" >&2 || true
  exit 1
}

cd "$root"
echo "e2e-python: building and starting the server (data in $work/data)"
./mvnw -B -q -Prun -pl samples/rest-server -am package -DskipTests \
  -Drest.args="--port 0 --data-dir $work/data" >"$work/stdout" 2>"$work/stderr" &
mvn_pid=$!

# The server prints its URL, then its key; wait for them (the build comes first: up to 10 min).
for _ in $(seq 1 1200); do
  grep -q '^API key: ' "$work/stdout" 2>/dev/null && break
  kill -0 "$mvn_pid" 2>/dev/null || fail "the build or the server stopped before printing its key"
  sleep 0.5
done
base_url="$(sed -n 's/^Flows API listening on //p' "$work/stdout")"
api_key="$(sed -n 's/^API key: \(fe_[A-Za-z0-9_-]*\)$/\1/p' "$work/stdout")"
[[ -n "$base_url" && -n "$api_key" ]] || fail "no base URL or API key in the server's output"
server_pid="$(pgrep -P "$mvn_pid" java || true)"
[[ -n "$server_pid" ]] || fail "cannot find the server process under Maven ($mvn_pid)"
echo "e2e-python: server $server_pid at $base_url"

python3 "$module/client/flows_client.py" --base-url "$base_url" --api-key "$api_key" \
  --prompt "Hello flows" --out "$work/model.glb" || fail "the Python client failed"
[[ "$(head -c 4 "$work/model.glb")" == "glTF" ]] || fail "the downloaded file is not a GLB"

echo "e2e-python: stopping the server with SIGTERM"
kill -TERM "$server_pid"
wait "$mvn_pid" || fail "the server did not stop cleanly (Maven exit $?)"
mvn_pid=""
grep -q "stopped; unfinished flows are recovered" "$work/stderr" \
  || fail "the server did not log a graceful stop"
echo "e2e-python: passed ($(wc -c <"$work/model.glb") byte GLB)"
