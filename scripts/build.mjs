// Bundles the service's entry points into dist/ with esbuild (about 0.1 s). npm start, npm install, npm run bank and
// the test setup run it first, so dist/ is never older than src/. Only files whose content changed are written, each
// through a rename, so a process starting from dist/ meanwhile never reads a half-written file.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export default async function buildService() {
  if (process.env.MLQ_SKIP_BUILD === '1') return;
  const { metafile, outputFiles } = await build({
    entryPoints: {
      main: 'src/main.ts',
      'migrate-cli': 'src/store/migrate-cli.ts',
      'prepare-cache': 'src/prepare-cache.ts',
      'bank-cli': 'src/bank/cli.ts',
    },
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@electric-sql/pglite', '@resvg/resvg-js', 'echarts', '@slack/bolt', 'discord.js', 'pg', 'pino', 'slackify-markdown'],
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
    write: false,
    banner: {
      js: "import { createRequire as __mlqCreateRequire } from 'node:module'; const require = __mlqCreateRequire(import.meta.url);",
    },
  });
  for (const file of outputFiles) {
    const path = relative(process.cwd(), file.path);
    let current = null;
    try {
      current = readFileSync(path);
    } catch {
      // Not built yet.
    }
    if (current?.equals(file.contents)) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.${process.pid}.tmp`, file.contents);
    renameSync(`${path}.${process.pid}.tmp`, path);
  }
  const outputs = new Set(Object.keys(metafile.outputs).map((path) => join(path)));
  for (const file of readdirSync('dist', { recursive: true, withFileTypes: true })) {
    const path = join(file.parentPath, file.name);
    if (file.isFile() && !outputs.has(path) && !path.endsWith('.tmp')) rmSync(path);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildService();
