// Bundles the service's entry points into dist/ with esbuild (about 0.1 s). npm start, npm install and the test
// setup run it first, so dist/ is never older than src/.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export default async function buildService() {
  if (process.env.MLQ_SKIP_BUILD === '1') return;
  const { metafile } = await build({
    entryPoints: { main: 'src/main.ts', 'migrate-cli': 'src/store/migrate-cli.ts', 'prepare-cache': 'src/prepare-cache.ts' },
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
    banner: {
      js: "import { createRequire as __mlqCreateRequire } from 'node:module'; const require = __mlqCreateRequire(import.meta.url);",
    },
  });
  const outputs = new Set(Object.keys(metafile.outputs).map((path) => join(path)));
  for (const file of readdirSync('dist', { recursive: true, withFileTypes: true })) {
    const path = join(file.parentPath, file.name);
    if (file.isFile() && !outputs.has(path)) rmSync(path);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildService();
