#!/usr/bin/env bash
# Validates the GLB files the samples produce with the Khronos glTF validator (npm package
# gltf-validator, pinned in samples/src/test/js/package.json). Exits non-zero if any file has a
# validation error.
#
#   samples/scripts/validate-outputs.sh           run the samples tests (they keep every GLB they
#                                                  check in samples/target/glb-samples/) and the
#                                                  demo (writes samples/target/demo-out/), then
#                                                  validate both directories
#   samples/scripts/validate-outputs.sh DIR...    only validate the .glb files in DIR...
#
# Needs Node 18+ and npm (the npm registry, for the first install).
set -euo pipefail
samples="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$samples/.." && pwd)"
js="$samples/src/test/js"

if [ "$#" -eq 0 ]; then
  rm -rf "$samples/target/glb-samples" "$samples/target/demo-out"
  (cd "$root" && ./mvnw -B -q -pl samples -am verify)
  (cd "$root" && ./mvnw -B -q -Pdemo -pl samples -am package -DskipTests \
      -Ddemo.data="$samples/target/demo-data" -Ddemo.out="$samples/target/demo-out")
  set -- "$samples/target/glb-samples" "$samples/target/demo-out"
fi

(cd "$js" && npm ci --no-audit --no-fund --silent)
node "$js/validate-glb.mjs" "$@"
