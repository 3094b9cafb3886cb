#!/usr/bin/env bash
# Runs the demo that the last build packaged (samples/demo/target/sample-demo.jar with its lib/)
# on the JDK that build used, without Maven; CI runs it after ./mvnw verify. The arguments go to
# DemoMain: --data DIR, --out DIR (relative to the current directory; default data, out),
# --prompt TEXT, --polygons N. Exit status: 0 when every flow completed, 1 if one did not, 2 on
# bad usage or when the demo is not built.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../scripts/app-java.sh"
target="$(cd "$here/.." && pwd)/target"
jar="$(app_jar "$target" sample-demo samples/demo)" || exit 2
java="$(app_java "$target")" || exit 2
exec "$java" -Djava.awt.headless=true -jar "$jar" "$@"
