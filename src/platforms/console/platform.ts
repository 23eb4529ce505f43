import { createInterface } from 'node:readline';
import type { Mlq } from '../../core/app.ts';
import type { Card } from '../../core/message.ts';
import type { Ack, ChatPort, PostedMessage } from '../../core/port.ts';
import type { ConsoleConfig } from './config.ts';
import { parseConsoleLine } from './parse.ts';
import { ansiStyle, indent, plainStyle, renderAck, renderCard, type Style } from './render.ts';

/** The terminal channel (hubot's Shell adapter): prints what the bot says and reads what the local member types. */
export class ConsolePlatform implements ChatPort {
  readonly platform = 'console';
  private counter = 0;
  private readonly style: Style;

  constructor(
    private readonly config: ConsoleConfig,
    private readonly output: NodeJS.WritableStream = process.stdout,
    colour = Boolean((output as NodeJS.WriteStream).isTTY),
  ) {
    this.style = colour ? ansiStyle : plainStyle;
  }

  private nextId(kind: string): string {
    return `console:${kind}:${Date.now().toString(36)}-${(this.counter++).toString(36)}`;
  }

  private print(text: string): void {
    this.output.write(`${text}\n\n`);
  }

  async post(_channelId: string, message: Card): Promise<PostedMessage> {
    this.print(renderCard(message, this.style));
    return { messageId: this.nextId('m'), threadId: this.nextId('t') };
  }

  async reply(_threadId: string, message: Card): Promise<{ messageId: string }> {
    this.print(indent(renderCard(message, this.style)));
    return { messageId: this.nextId('m') };
  }

  async update(_messageId: string, message: Card): Promise<void> {
    this.print(this.style.dim(`(the question post now reads: ${message.title ?? message.fallback})`));
  }

  async react(_messageId: string, ack: Ack): Promise<void> {
    this.print(this.style.dim(`  ${renderAck(ack)}`));
  }

  async sendPrivate(_memberId: string, _channelId: string, message: Card): Promise<void> {
    this.print(renderCard(message, this.style));
  }

  async isAdmin(): Promise<boolean> {
    return true;
  }

  /** Reads lines until the input ends (or `quit`), handling each one fully before the next. */
  async run(mlq: Mlq, input: NodeJS.ReadableStream = process.stdin): Promise<void> {
    const { channelId, communityId, memberId, memberName } = this.config;
    const actor = { id: memberId, name: memberName };
    const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
    for await (const line of lines) {
      const parsed = parseConsoleLine(line);
      if (parsed.kind === 'quit') break;
      if (parsed.kind === 'blank') continue;
      if (parsed.kind === 'command') {
        const reply = await mlq.command({ channelId, communityId, channelName: 'terminal', actor, text: parsed.text });
        this.print(renderCard(reply.card, this.style));
        continue;
      }
      const round = await mlq.currentRound(channelId);
      if (!round?.threadId) {
        this.print(this.style.dim('There is no question to answer yet. Type /mlq start, or /mlq help.'));
        continue;
      }
      const outcome = await mlq.threadMessage({
        channelId,
        communityId,
        threadId: round.threadId,
        messageId: this.nextId('m'),
        author: actor,
        text: parsed.text,
      });
      if (outcome === 'discussion') this.print(this.style.dim(`  ${renderAck('discussion')}`));
      if (outcome === 'too-long') this.print(this.style.dim('  Your answer was long: the first 10,000 characters are kept.'));
    }
    lines.close();
  }
}
