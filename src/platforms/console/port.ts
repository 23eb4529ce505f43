import { clearLine, cursorTo, type Interface } from 'node:readline';
import type { ChartImage } from '../../core/charts.ts';
import type { Card } from '../../core/message.ts';
import type { Ack, ChatPort, Conversation, PortCapabilities, PostedMessage } from '../../core/port.ts';
import { writeCharts } from './chart-files.ts';
import { ansiStyle, plainStyle, renderAck, renderCard, renderNote, renderThreadReply, type Style } from './render.ts';

/** The width used when the output is not a terminal (a pipe, a file). */
export const DEFAULT_WIDTH = 80;

/**
 * The terminal's output: every message wrapped to the window's current width and followed by a blank line. While
 * the prompt waits for input, a message that arrives (a scheduled reveal) is printed above it and the prompt, with
 * what was typed so far, drawn again below.
 */
export class ConsoleScreen {
  readonly style: Style;
  private prompt: Interface | null = null;
  private waiting = false;

  constructor(
    readonly output: NodeJS.WritableStream,
    colour = Boolean((output as NodeJS.WriteStream).isTTY),
  ) {
    this.style = colour ? ansiStyle : plainStyle;
  }

  get width(): number {
    return (this.output as NodeJS.WriteStream).columns || DEFAULT_WIDTH;
  }

  print(text: string): void {
    if (this.prompt && this.waiting) {
      clearLine(this.output, 0);
      cursorTo(this.output, 0);
      this.output.write(`${text}\n\n`);
      this.prompt.prompt(true);
      return;
    }
    this.output.write(`${text}\n\n`);
  }

  card(card: Card): void {
    this.print(renderCard(card, this.style, this.width));
  }

  threadReply(card: Card): void {
    this.print(renderThreadReply(card, this.style, this.width));
  }

  note(text: string, marker = ''): void {
    this.print(renderNote(text, this.style, this.width, marker));
  }

  ack(ack: Ack | 'discussion'): void {
    this.print(renderAck(ack, this.style, this.width));
  }

  /** Uses a readline prompt from now on (an interactive terminal); without one, nothing is shown between lines. */
  usePrompt(prompt: Interface): void {
    this.prompt = prompt;
  }

  /** Shows the prompt and waits for a line. */
  ready(): void {
    if (!this.prompt) return;
    this.waiting = true;
    this.prompt.prompt();
  }

  /** A line was entered: what is printed now belongs under it, not above a prompt. */
  busy(): void {
    this.waiting = false;
  }
}

/** What the terminal offers: one member, so no reactions and no one to show a public reply to; a recap at the reveal. */
export const CONSOLE_CAPABILITIES: PortCapabilities = {
  reactions: false,
  publicReplies: false,
  revealRecap: true,
  privateButtons: true,
  helpNote: 'Type `quit` (or press Ctrl-D) to leave the terminal.',
};

/** The core's messages to the terminal: posts and private cards as they are, thread replies behind a thread bar. */
export class ConsolePort implements ChatPort {
  readonly platform = 'console';
  readonly capabilities = CONSOLE_CAPABILITIES;
  private counter = 0;

  constructor(
    private readonly screen: ConsoleScreen,
    /** Where charts are saved (a folder in mlq's data folder); absent, only their alt text is shown. */
    private readonly chartsDir?: string,
  ) {}

  /** Saves charts as PNG files and prints each one's alt text and path; the alt text alone when they cannot be saved. */
  showImages(images: ChartImage[]): void {
    let paths: string[] = [];
    let problem = 'no data folder to save charts in (they are saved only with the embedded database)';
    try {
      if (this.chartsDir) paths = writeCharts(this.chartsDir, images);
    } catch (error) {
      problem = `it could not be saved: ${(error as Error).message}`;
    }
    for (const [i, image] of images.entries()) {
      const path = paths[i];
      this.screen.note(path ? `Chart: ${image.alt}\nSaved as ${path}` : `Chart: ${image.alt} (${problem})`);
    }
  }

  async postImages(_threadId: string, images: ChartImage[]): Promise<void> {
    this.showImages(images);
  }

  /** A fresh opaque id of this platform. */
  nextId(kind: string): string {
    return `console:${kind}:${Date.now().toString(36)}-${(this.counter++).toString(36)}`;
  }

  async post(_channelId: string, message: Card): Promise<PostedMessage> {
    this.screen.card(message);
    return { messageId: this.nextId('m'), threadId: this.nextId('t') };
  }

  async reply(_threadId: string, message: Card): Promise<{ messageId: string }> {
    this.screen.threadReply(message);
    return { messageId: this.nextId('m') };
  }

  async update(_messageId: string, message: Card): Promise<void> {
    this.screen.note(`(the question post now reads: ${message.title ?? message.fallback})`);
  }

  async react(_messageId: string, ack: Ack): Promise<void> {
    this.screen.ack(ack);
  }

  async sendPrivate(_memberId: string, _channelId: string, message: Card): Promise<void> {
    this.screen.card(message);
  }

  async isAdmin(): Promise<boolean> {
    return true;
  }

  /** The terminal has one member and one conversation: a mock interview runs in place, typed lines its answers. */
  async openConversation(_memberId: string, channelId: string, _how: 'direct' | 'thread', greeting: Card): Promise<Conversation> {
    this.screen.card(greeting);
    return { ok: true, conversationId: channelId, direct: true, buttons: false };
  }
}
