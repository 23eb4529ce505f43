#!/usr/bin/env node
// Merges Stryker JSON reports (mutation-testing-report-schema) into one score per file and one for all of them.
// Usage: node scripts/mutation-score.mjs reports/mutation/a.json reports/mutation/b.json …
// A file measured in several reports takes its result from the last report named, so list older runs first.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const DETECTED = new Set(['Killed', 'Timeout']);
const VALID = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

const reports = process.argv.slice(2);
if (reports.length === 0) {
  console.error('Name one or more Stryker JSON reports, e.g. reports/mutation/mutation.json.');
  process.exit(2);
}

const files = new Map();
for (const path of reports) {
  let report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`${path}: not a readable Stryker JSON report (${error.message}).`);
    process.exit(2);
  }
  for (const [name, file] of Object.entries(report.files ?? {})) {
    const counts = { detected: 0, survived: 0, noCoverage: 0, report: path };
    for (const mutant of file.mutants) {
      if (!VALID.has(mutant.status)) continue;
      if (DETECTED.has(mutant.status)) counts.detected++;
      else if (mutant.status === 'Survived') counts.survived++;
      else counts.noCoverage++;
    }
    // Reports made in another checkout name its absolute paths: a file is known by its path from src/ on.
    const key = relative(process.cwd(), name);
    files.set(key.startsWith('..') && name.includes('/src/') ? name.slice(name.lastIndexOf('/src/') + 1) : key || name, counts);
  }
}

const pct = (detected, valid) => (valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`);
const rows = [...files.entries()].sort(([a], [b]) => a.localeCompare(b));
let detected = 0;
let valid = 0;
for (const [name, c] of rows) {
  const total = c.detected + c.survived + c.noCoverage;
  detected += c.detected;
  valid += total;
  console.log(
    `${name.padEnd(48)} ${pct(c.detected, total).padStart(8)}  ${String(c.detected).padStart(5)} of ${String(total).padEnd(5)}` +
      ` survived ${c.survived}, no coverage ${c.noCoverage}`,
  );
}
console.log(`${'all files'.padEnd(48)} ${pct(detected, valid).padStart(8)}  ${String(detected).padStart(5)} of ${valid}`);
