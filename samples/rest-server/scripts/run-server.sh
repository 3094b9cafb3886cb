#!/usr/bin/env bash
# Starts the REST server that the last build packaged (samples/rest-server/target/rest-server.jar
# with its lib/) on the JDK that build used, without Maven; the arguments are the server's flags
# (README.md: --port, --data-dir, --bind, --max-upload-mib, --new-key), the data directory
# relative to the current directory. The java process replaces this script, so SIGTERM or Ctrl-C
# stop the server gracefully. Exits 2 when the server is not built.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../scripts/app-java.sh"
target="$(cd "$here/.." && pwd)/target"
jar="$(app_jar "$target" rest-server samples/rest-server)" || exit 2
java="$(app_java "$target")" || exit 2
exec "$java" -jar "$jar" "$@"
