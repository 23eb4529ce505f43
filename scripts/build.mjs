// Bundles the service's entry points into dist/ with esbuild (about 0.1 s). npm start, npm install and the test
// setup run it first, so dist/ is never older than src/.
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export default async function buildService() {
  await build({
    entryPoints: ['src/main.ts', 'src/store/migrate-cli.ts', 'src/prepare-cache.ts'],
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@electric-sql/pglite', '@slack/bolt', 'discord.js', 'pg', 'pino', 'slackify-markdown'],
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __mlqCreateRequire } from 'node:module'; const require = __mlqCreateRequire(import.meta.url);" },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildService();
