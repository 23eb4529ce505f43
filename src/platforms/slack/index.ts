import type { PlatformEntry } from '../lifecycle.ts';
import { type SlackConfig, slackConfig } from './config.ts';

/** Slack for main.ts: its settings read at once, @slack/bolt loaded only when they are set. */
export const slack: PlatformEntry<SlackConfig> = {
  name: 'slack',
  config: slackConfig,
  load: async (config, context) =>
    new (await import('./platform.ts')).SlackPlatform(config, context.logger, { installs: context.installs }),
};
