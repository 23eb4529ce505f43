import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder mlq is installed in (this file sits one folder below it, in src/ or bundled into dist/). */
export const installDir = (): string => fileURLToPath(new URL('..', import.meta.url));

/**
 * Where mlq keeps files it can always rebuild (bank parse cache, PGlite template), as build tools do: in the install's
 * own node_modules, never in whatever folder mlq was started from.
 */
export const cacheDir = (): string => join(installDir(), 'node_modules', '.cache', 'mlq');
