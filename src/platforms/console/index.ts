import { join } from 'node:path';
import type { PlatformEntry } from '../lifecycle.ts';
import { type ConsoleConfig, consoleConfig } from './config.ts';

/** The terminal for main.ts: a local channel, used when no chat platform is set (or with MLQ_CONSOLE=on). */
export const terminal: PlatformEntry<ConsoleConfig> = {
  name: 'console',
  local: true,
  config: (env) => ({ ok: true, value: consoleConfig(env) }),
  load: async (config, context) => {
    const chartsDir = config.chartsDir ?? (context.dataDir ? join(context.dataDir, 'charts') : undefined);
    return new (await import('./platform.ts')).ConsolePlatform({ ...config, chartsDir }, context.store);
  },
};
