// Times meshoptimizer's simplify, warm, on the mesh MeshoptComparison wrote, and writes its result
// for MeshoptComparison to measure. Usage: node compare.mjs MESH TARGET_TRIANGLES RESULT [ROUNDS]
// (see README.md). Positions only, no attribute weights: the "simplify called directly".
import { readFileSync, writeFileSync } from 'node:fs';
import { MeshoptSimplifier } from 'meshoptimizer';

const [meshFile, targetArg, resultFile, roundsArg] = process.argv.slice(2);
if (!meshFile || !targetArg || !resultFile) {
  throw new Error('usage: node compare.mjs MESH TARGET_TRIANGLES RESULT [ROUNDS]');
}
const bytes = readFileSync(meshFile);
const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const vertices = view.getInt32(0, true);
const triangles = view.getInt32(4, true);
const positions = new Float32Array(bytes.buffer.slice(bytes.byteOffset + 8, bytes.byteOffset + 8 + 12 * vertices));
const indexStart = bytes.byteOffset + 8 + 12 * vertices;
const indices = new Uint32Array(bytes.buffer.slice(indexStart, indexStart + 12 * triangles));
const target = Number(targetArg);
const rounds = Number(roundsArg ?? 8);

await MeshoptSimplifier.ready;
let result;
const times = [];
for (let round = 0; round < rounds; round++) {
  const start = process.hrtime.bigint();
  // target_error 1 (of the mesh extent) lets the triangle count decide, as model_optimize does.
  [result] = MeshoptSimplifier.simplify(indices, positions, 3, target * 3, 1);
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
}
// The first rounds warm the engine up; report the median of the second half.
const warm = times.slice(Math.floor(rounds / 2)).sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)];
const out = new Uint8Array(4 + 4 * result.length);
new DataView(out.buffer).setInt32(0, result.length / 3, true);
new Uint32Array(out.buffer, 4).set(result);
writeFileSync(resultFile, out);
console.log(JSON.stringify({
  triangles, target, resultTriangles: result.length / 3,
  secondsMedianWarm: median, inputTrianglesPerSecond: triangles / median,
  rounds: times.map((t) => t.toFixed(3)),
}));
