import type { DiscordPace } from '../../src/platforms/discord/paced-rest.ts';
import { DiscordPlatform } from '../../src/platforms/discord/platform.ts';
import { FakeDiscord } from './fake-discord.ts';
import { createHarness, type Harness } from './harness.ts';
import { captureLogger, type LogLine } from './process.ts';

export interface DiscordHarness extends Harness {
  discord: FakeDiscord;
  platform: DiscordPlatform;
  logs: LogLine[];
  invite: string;
}

export const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAw.GfAkEt.abcdefghijklmnopqrstuvwxyz0123456789';

/** The real core and store and the real discord.js client, wired as main.ts does, against a fake Discord. */
export async function createDiscordHarness(
  options: {
    messageContent?: boolean;
    deferAfterMs?: number;
    componentDeferAfterMs?: number;
    start?: Date;
    refuse?: boolean;
    pace?: DiscordPace;
  } = {},
): Promise<DiscordHarness> {
  const h = await createHarness(options.start ?? new Date());
  const discord = await new FakeDiscord().start();
  discord.refuseMessageContent = options.refuse ?? false;
  const { logger, logs } = captureLogger();
  h.deps.logger = logger;
  const platform = new DiscordPlatform(
    { token: TOKEN, apiUrl: discord.apiUrl, messageContent: options.messageContent ?? true, guildId: '900000000000000001', shards: 'auto' },
    logger,
    {
      deferAfterMs: options.deferAfterMs,
      componentDeferAfterMs: options.componentDeferAfterMs,
      pace: options.pace,
    },
  );
  h.deps.ports.register(platform.port);
  platform.attach(h.mlq);
  let invite = '';
  try {
    invite = String((await platform.start()).fields.invite);
  } catch (error) {
    await discord.stop();
    await h.close();
    throw error;
  }
  return {
    ...h,
    discord,
    platform,
    logs,
    invite,
    async close() {
      await platform.stop();
      await discord.stop();
      await h.close();
    },
  };
}
