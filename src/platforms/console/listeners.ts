import type { Interface } from 'node:readline';
import type { Mlq } from '../../core/app.ts';
import type { InteractionReply } from '../../core/interactions.ts';
import { card, text } from '../../core/message.ts';
import { wordCount } from '../../core/points.ts';
import type { ConsoleConfig } from './config.ts';
import { writeFiles } from './export-files.ts';
import { FormPrompt } from './form-prompt.ts';
import { parseConsoleLine } from './parse.ts';
import type { ConsolePort, ConsoleScreen } from './port.ts';

/** A practice question asked in this session: the answer typed so far, and whether typed lines still go to it. */
interface Practice {
  id: number;
  answer: string[];
  taking: boolean;
}

const PRACTICE_HINT =
  'Type your practice answer now (one or more lines), then `/mlq solution` to compare it with the strong answer. ' +
  "It earns no points and is not today's question; any other command returns you to today's question.";

/**
 * Inbound: each line the local member types becomes a core call. `/mlq …` is a command; during `/mlq mock` the lines
 * are the interview's answers (and `done`); after `/mlq ask` the lines
 * are a practice answer until `/mlq solution` (which shows it beside the strong answer) or another command; any other
 * line is a reply in the thread of the channel's latest round.
 */
export class ConsoleListeners {
  private practice: Practice | null = null;
  /** A form being filled in: typed lines (empty ones too) go to it until it is sent or a command leaves it. */
  private form: FormPrompt | null = null;

  constructor(
    private readonly config: ConsoleConfig,
    private readonly screen: ConsoleScreen,
    private readonly port: ConsolePort,
    private readonly mlq: Mlq,
  ) {}

  /** Reads lines until the input ends or `quit`, handling each one fully before the next. */
  async listen(lines: Interface): Promise<void> {
    this.screen.ready();
    for await (const line of lines) {
      this.screen.busy();
      const more = await this.line(line).catch((error: unknown) => {
        this.mlq.deps.logger.error({ err: error }, 'a terminal line could not be handled');
        this.screen.note('That did not work because of an error on our side; nothing was changed. Please try again.');
        return true;
      });
      if (!more) break;
      this.screen.ready();
    }
    lines.close();
  }

  /** Handles one typed line; false when the member asked to quit. */
  async line(line: string): Promise<boolean> {
    const parsed = parseConsoleLine(line);
    if (parsed.kind === 'quit') return false;
    if (this.form && parsed.kind !== 'command') {
      await this.fillForm(line);
      return true;
    }
    if (this.form) {
      this.form = null;
      this.screen.note('Left the form; nothing was sent.');
    }
    if (parsed.kind === 'command') await this.command(parsed.text);
    if (parsed.kind === 'reply') await this.reply(parsed.text);
    return true;
  }

  private get actor() {
    return { id: this.config.memberId, name: this.config.memberName };
  }

  private async command(line: string): Promise<void> {
    const { channelId, communityId, memberId } = this.config;
    const before = await this.mlq.openPractice(memberId);
    const reply = await this.mlq.command({ channelId, communityId, channelName: 'terminal', actor: this.actor, text: line });
    const after = await this.mlq.openPractice(memberId);
    const practice = this.practice;
    if (practice && before === practice.id && after === null && practice.answer.length) {
      this.screen.card(card('Your practice answer', [text(practice.answer.join('\n'))]));
    }
    if (reply.files) {
      const folder = writeFiles(this.config.exportDir ?? process.cwd(), reply.files);
      const n = reply.files.files.length;
      this.screen.note(`${reply.card.title ?? 'Export'}: wrote ${n} ${n === 1 ? 'file' : 'files'} into ${folder}/ (a new folder).`);
    } else if (reply.form) {
      this.form = new FormPrompt(reply.form);
      this.screen.note(this.form.start());
    } else this.screen.card(reply.card);
    if (reply.images?.length) this.port.showImages(reply.images);
    if (after !== null && after !== before) {
      this.practice = { id: after, answer: [], taking: true };
      this.screen.note(PRACTICE_HINT);
    } else if (practice) {
      this.practice = after === practice.id ? { ...practice, taking: false } : null;
    }
  }

  /** A line typed into the open form; once every field is in, the form is sent and the core's answer shown. */
  private async fillForm(line: string): Promise<void> {
    const form = this.form!;
    const step = form.feed(line);
    if (!step) return;
    if (step.kind === 'ask') {
      this.screen.note(step.text);
      return;
    }
    const { channelId, communityId } = this.config;
    const reply: InteractionReply = await this.mlq.submit({
      channelId,
      communityId,
      actor: this.actor,
      form: form.form.id,
      value: form.form.value,
      fields: step.fields,
      submissionId: this.port.nextId('form'),
    });
    this.form = null;
    if (reply.kind === 'invalid') {
      this.form = form;
      this.screen.note(form.retry(reply.errors ?? { [reply.field]: reply.text }));
    } else if (reply.kind === 'form') {
      this.form = new FormPrompt(reply.form);
      this.screen.note(this.form.start());
    } else if (reply.kind === 'card') this.screen.card(reply.card);
    else if (reply.kind === 'notice') this.screen.note(reply.text);
  }

  private async reply(line: string): Promise<void> {
    const { channelId } = this.config;
    const mock = await this.mlq.directMessage({
      conversationId: channelId,
      messageId: this.port.nextId('m'),
      author: this.actor,
      text: line,
    });
    if (mock === 'added') this.screen.note('Noted. Add more lines, or type `done` when this answer is complete.', '  ✓ ');
    if (mock !== 'ignored') return;
    if (this.practice?.taking) {
      this.practice.answer.push(line.trim());
      const words = wordCount(this.practice.answer.join(' '));
      const noted = `Practice answer noted (${words} ${words === 1 ? 'word' : 'words'}).`;
      this.screen.note(`${noted} Add more lines, or \`/mlq solution\` to see the strong answer.`, '  ✓ ');
      return;
    }
    const { communityId } = this.config;
    const round = await this.mlq.currentRound(channelId);
    if (!round?.threadId) {
      this.screen.note('There is no question to answer yet. Type `/mlq start`, or `/mlq help`.');
      return;
    }
    const outcome = await this.mlq.threadMessage({
      channelId,
      communityId,
      threadId: round.threadId,
      messageId: this.port.nextId('m'),
      author: this.actor,
      text: line,
    });
    if (outcome === 'discussion') this.screen.ack('discussion');
  }
}
