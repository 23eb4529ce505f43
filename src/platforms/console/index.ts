import type { Mlq } from '../../core/app.ts';
import type { Platform, PlatformEntry, StartedPlatform } from '../lifecycle.ts';
import { type ConsoleConfig, consoleConfig } from './config.ts';
import { ConsolePlatform } from './platform.ts';

/** The terminal channel's lifecycle: opens the channel with today's question, then reads until the input ends. */
class ConsoleSession implements Platform {
  readonly name = 'console';
  readonly port: ConsolePlatform;
  readonly routes = [];
  readonly finished: Promise<void>;
  private end!: () => void;
  private fail!: (error: unknown) => void;
  private mlq?: Mlq;

  constructor(
    private readonly config: ConsoleConfig,
    private readonly store: string,
  ) {
    this.port = new ConsolePlatform(config);
    this.finished = new Promise((resolve, reject) => {
      this.end = resolve;
      this.fail = reject;
    });
  }

  attach(mlq: Mlq): void {
    this.mlq = mlq;
  }

  async start(): Promise<StartedPlatform> {
    const mlq = this.mlq!;
    const { channelId, communityId, memberId, memberName } = this.config;
    process.stdout.write(`mlq · a terminal study channel (${this.store}). Reply to answer; /mlq help lists the commands.\n\n`);
    await mlq.ensureChannel({
      ...mlq.deps.defaults,
      id: channelId,
      communityId,
      name: 'terminal',
      timezone: this.config.timezone,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      organiserIds: [memberId],
    });
    const before = await mlq.currentRound(channelId);
    const round = await mlq.startToday(channelId);
    if (round && before && round.id === before.id) {
      const reply = await mlq.command({ channelId, communityId, actor: { id: memberId, name: memberName }, text: '/mlq today' });
      await this.port.sendPrivate(memberId, channelId, reply.card);
    }
    this.port.run(mlq).then(this.end, this.fail);
    return { message: 'terminal channel open', fields: { channel: channelId } };
  }

  async stop(): Promise<void> {}

  startFailure(error: unknown): string {
    return `the terminal channel could not be opened (${error instanceof Error ? error.message : String(error)}).`;
  }
}

/** The terminal for main.ts: a local channel, used when no chat platform is set (or with MLQ_CONSOLE=on). */
export const terminal: PlatformEntry<ConsoleConfig> = {
  name: 'console',
  local: true,
  config: (env) => {
    const config = consoleConfig(env);
    return { ok: true, value: { ...config, timezone: env.MLQ_TIMEZONE?.trim() || config.timezone } };
  },
  load: async (config, context) => new ConsoleSession(config, context.store),
};
