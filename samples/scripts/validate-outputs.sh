#!/usr/bin/env bash
# Validates the GLB files the samples produce with the Khronos glTF validator (npm package
# gltf-validator, pinned in samples/scripts/gltf-validator/package.json). Exits non-zero if any
# file has a validation error.
#
#   samples/scripts/validate-outputs.sh           run the templates' and the demo's tests (they
#                                                  keep every GLB they check in their module's
#                                                  target/glb-samples/) and the demo (writes
#                                                  samples/demo/target/demo-out/), then validate
#                                                  those directories
#   samples/scripts/validate-outputs.sh DIR...    only validate the .glb files in DIR...
#
# Needs Node 18+ and npm (the npm registry, for the first install).
set -euo pipefail
samples="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$samples/.." && pwd)"
js="$samples/scripts/gltf-validator"

if [ "$#" -eq 0 ]; then
  rm -rf "$samples/templates/target/glb-samples" "$samples/demo/target/glb-samples" \
    "$samples/demo/target/demo-out"
  (cd "$root" && ./mvnw -B -q -pl samples/demo -am verify)
  (cd "$root" && ./mvnw -B -q -Pdemo -pl samples/demo -am package -DskipTests \
      -Ddemo.data="$samples/demo/target/demo-data" -Ddemo.out="$samples/demo/target/demo-out")
  set -- "$samples/templates/target/glb-samples" "$samples/demo/target/glb-samples" \
    "$samples/demo/target/demo-out"
fi

(cd "$js" && npm ci --no-audit --no-fund --silent)
node "$js/validate-glb.mjs" "$@"
