// Validates every .glb in the directories given on the command line with the Khronos glTF
// validator and prints one line per file plus a summary. Exits 1 if any file has an error
// (warnings, infos and hints are reported but do not fail), 2 on bad usage or no file found.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import validator from 'gltf-validator';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node validate-glb.mjs DIR...');
  process.exit(2);
}

const files = [];
for (const dir of dirs) {
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith('.glb')) files.push(join(dir, name));
  }
}
if (files.length === 0) {
  console.error(`no .glb file in ${dirs.join(', ')}`);
  process.exit(2);
}

const totals = { errors: 0, warnings: 0, infos: 0, hints: 0 };
let failedFiles = 0;
for (const file of files) {
  const report = await validator.validateBytes(new Uint8Array(await readFile(file)), {
    uri: file,
    maxIssues: 50,
  });
  const issues = report.issues;
  totals.errors += issues.numErrors;
  totals.warnings += issues.numWarnings;
  totals.infos += issues.numInfos;
  totals.hints += issues.numHints;
  const info = report.info ?? {};
  console.log(
    `${issues.numErrors === 0 ? 'ok  ' : 'FAIL'} ${file}: ${issues.numErrors} errors, ` +
      `${issues.numWarnings} warnings, ${issues.numInfos} infos, ${issues.numHints} hints` +
      (info.totalTriangleCount !== undefined ? `; ${info.totalTriangleCount} triangles` : ''),
  );
  for (const message of issues.messages) {
    if (message.severity <= 1) {
      const kind = message.severity === 0 ? 'error' : 'warning';
      console.log(`     ${kind} ${message.code} ${message.pointer ?? ''}: ${message.message}`);
    }
  }
  if (issues.numErrors > 0) failedFiles++;
}
console.log(
  `glTF validator ${validator.version()}: ${files.length} files, ${failedFiles} with errors; ` +
    `${totals.errors} errors, ${totals.warnings} warnings, ${totals.infos} infos, ${totals.hints} hints`,
);
process.exit(failedFiles === 0 ? 0 : 1);
