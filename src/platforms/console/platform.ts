import { createInterface, type Interface } from 'node:readline';
import type { Mlq } from '../../core/app.ts';
import { card, text } from '../../core/message.ts';
import type { RequestHandler } from '../../http-server.ts';
import type { Platform, StartedPlatform } from '../lifecycle.ts';
import type { ConsoleConfig } from './config.ts';
import { ConsoleListeners } from './listeners.ts';
import { ConsolePort, ConsoleScreen } from './port.ts';

export interface ConsoleStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** ANSI bold and dim; by default when the output is a terminal. */
  colour?: boolean;
  /** A prompt and line editing; by default when both input and output are terminals (piped input shows no prompt). */
  interactive?: boolean;
}

/** The prompt before each line the member types, in an interactive terminal. */
export const PROMPT = 'you › ';

/**
 * The terminal channel (hubot's Shell adapter): one channel and one local member who is its organiser. It posts
 * today's question on start, then reads lines until the input ends or the member types `quit`, which resolves
 * `finished`.
 */
export class ConsolePlatform implements Platform {
  readonly name = 'console';
  readonly port: ConsolePort;
  readonly routes: RequestHandler[] = [];
  readonly finished: Promise<void>;
  private readonly screen: ConsoleScreen;
  private readonly input: NodeJS.ReadableStream;
  private readonly interactive: boolean;
  private mlq: Mlq | null = null;
  private lines: Interface | null = null;
  private done!: () => void;

  constructor(
    private readonly config: ConsoleConfig,
    /** Where the data lives, for the banner (the store's description). */
    private readonly storeDescription: string,
    streams: ConsoleStreams = {},
  ) {
    const output = streams.output ?? process.stdout;
    this.input = streams.input ?? process.stdin;
    this.screen = new ConsoleScreen(output, streams.colour);
    this.interactive = streams.interactive ?? Boolean((this.input as NodeJS.ReadStream).isTTY && (output as NodeJS.WriteStream).isTTY);
    this.port = new ConsolePort(this.screen, config.chartsDir);
    this.finished = new Promise((resolve) => (this.done = resolve));
  }

  attach(mlq: Mlq): void {
    this.mlq = mlq;
  }

  /** Opens the channel (subscribing it on the first run), greets with today's question, and starts reading lines. */
  async start(): Promise<StartedPlatform> {
    const mlq = this.mlq;
    if (!mlq) throw new Error('the terminal channel was started before it was attached to the core');
    const { channelId, communityId, memberId, memberName, timezone } = this.config;
    this.screen.card(
      card(undefined, [
        text(
          `mlq · a terminal study channel (${this.storeDescription}). Type your answer to today's question and press Enter; ` +
            '`/mlq help` lists the commands; `quit` (or Ctrl-D) leaves.',
        ),
      ]),
    );
    await mlq.ensureChannel({
      ...mlq.deps.defaults,
      id: channelId,
      communityId,
      name: 'terminal',
      timezone,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      organiserIds: [memberId],
    });
    const before = await mlq.currentRound(channelId);
    const round = await mlq.startToday(channelId);
    if (!round) this.screen.note('No question matches the channel settings; `/mlq config` shows them.');
    if (round && before && round.id === before.id) {
      const actor = { id: memberId, name: memberName };
      const today = await mlq.command({ channelId, communityId, channelName: 'terminal', actor, text: '/mlq today' });
      this.screen.card(today.card);
    }
    const lines = createInterface({
      input: this.input,
      ...(this.interactive ? { output: this.screen.output, terminal: true, prompt: this.screen.style.bold(PROMPT) } : { terminal: false }),
      crlfDelay: Infinity,
    });
    this.lines = lines;
    if (this.interactive) this.screen.usePrompt(lines);
    new ConsoleListeners(this.config, this.screen, this.port, mlq)
      .listen(lines)
      .catch((error: unknown) => mlq.deps.logger.error({ err: error }, 'the terminal stopped reading'))
      .finally(() => this.done());
    return { message: 'terminal channel open', fields: { channel: channelId, member: memberName, interactive: this.interactive } };
  }

  async stop(): Promise<void> {
    this.lines?.close();
  }

  startFailure(error: unknown): string {
    return `the terminal channel could not start (${error instanceof Error ? error.message : String(error)}).`;
  }
}
