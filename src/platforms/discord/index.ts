import type { PlatformEntry } from '../lifecycle.ts';
import { type DiscordConfig, discordConfig } from './config.ts';

/** Discord for main.ts: its settings read at once, discord.js loaded only when they are set. */
export const discord: PlatformEntry<DiscordConfig> = {
  name: 'discord',
  config: discordConfig,
  load: async (config, context) =>
    new (await import('./platform.ts')).DiscordPlatform(config, context.logger, {
      sharding:
        context.leases && context.replica
          ? { leases: context.leases, owner: context.replica, leaseMs: config.shardLeaseMs ?? 30_000 }
          : undefined,
      pace: { shared: context.rates },
    }),
};
