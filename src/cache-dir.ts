import { resolve } from 'node:path';

/** Where mlq keeps files it can always rebuild (bank parse cache, PGlite template), as build tools do. */
export const cacheDir = (): string => resolve(process.cwd(), 'node_modules', '.cache', 'mlq');
