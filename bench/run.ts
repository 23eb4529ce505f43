import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { metCell, type Row } from './lib.ts';
import { archive } from './parts/archive.ts';
import { charts } from './parts/charts.ts';
import { commands } from './parts/commands.ts';
import { fanout } from './parts/fanout.ts';
import { footprint } from './parts/footprint.ts';
import { ingest } from './parts/ingest.ts';
import { leaderboards } from './parts/leaderboards.ts';
import { pace } from './parts/pace.ts';
import { pairs } from './parts/pairs.ts';
import { reviews } from './parts/reviews.ts';
import { web } from './parts/web.ts';

const quick = process.argv.includes('--quick');
/** `--only ingest,commands` runs some parts (for development); the table and latest.json then hold only those. */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const baseUrl = process.env.DATABASE_URL || undefined;

async function postgresVersion(): Promise<string> {
  if (!baseUrl) return 'PGlite (embedded)';
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  const { rows } = await client.query('show server_version');
  await client.end();
  return `PostgreSQL ${rows[0].server_version}`;
}

const version = await postgresVersion();
process.stderr.write(
  `mlq bench${quick ? ' (quick)' : ''} on ${baseUrl ? `Postgres from DATABASE_URL (${version})` : 'PGlite (no DATABASE_URL)'}\n`,
);
const rows: Row[] = [];
/** Footprint runs before leaderboards: the 15 M-row seed evicts the page cache, and cold start would measure that. */
for (const [name, part] of [
  ['ingest', ingest],
  ['commands', commands],
  ['fan-out', fanout],
  ['pace', pace],
  ['archive', archive],
  ['footprint', footprint],
  ['leaderboards', leaderboards],
  ['reviews', reviews],
  ['pairs', pairs],
  ['charts', charts],
  ['web', web],
] as const) {
  if (only && !only.includes(name)) continue;
  process.stderr.write(`${name}\n`);
  const started = performance.now();
  rows.push(...(await part(baseUrl, quick)));
  process.stderr.write(`  · ${name} took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const widths = [12, 62, 10, 18, 12, 11];
const line = (cells: string[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i]!))
    .join(' ')
    .trimEnd();
const table = [
  line(['part', 'metric', 'value', 'unit', 'target', 'met']),
  ...rows.map((r) => line([r.part, r.metric, fmt(r.value), r.unit, r.target ?? '', metCell(r, quick)])),
].join('\n');
console.log(table);

let pgbench = '';
try {
  pgbench = execFileSync('pgbench', ['--version'], { encoding: 'utf8' }).trim();
} catch {
  pgbench = 'not found';
}
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? '',
  memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
  node: process.version,
  database: version,
  pgbench,
};
mkdirSync('bench/results', { recursive: true });
const judged = rows.map((r) => (metCell(r, quick) === 'n/a (quick)' ? { ...r, met: 'n/a (quick)' } : r));
const report = { at: new Date().toISOString(), quick, only: only ?? 'all', machine, rows: judged };
writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
process.stderr.write(`written to bench/results/latest.json (${machine.cores} cores, ${machine.memoryGiB} GiB, ${version})\n`);
