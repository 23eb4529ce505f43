import wrapAnsi from 'wrap-ansi';
import type { Block, Card } from '../../core/message.ts';
import type { Ack } from '../../core/port.ts';

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

export const plainStyle: Style = { bold: (t) => t, dim: (t) => t };
export const ansiStyle: Style = { bold: (t) => `\x1b[1m${t}\x1b[22m`, dim: (t) => `\x1b[2m${t}\x1b[22m` };

/** The narrowest text column, so a tiny window still shows a word or two a line. */
const MIN_WIDTH = 10;

/** One paragraph: the prefix of its first line, the hanging indent of the lines it wraps onto, and its text. */
interface Paragraph {
  first: string;
  hang: string;
  body: string;
  /** Printed as it is behind `first`, never wrapped: a line of code. */
  verbatim?: boolean;
}

const para = (body: string, first = '', hang = ' '.repeat(first.length)): Paragraph => ({ first, hang, body });
const BLANK = para('');

/** The neutral Markdown subset for a terminal: bold through the style, italics and code marks dropped. */
export function markdownToTerminal(markdown: string, style: Style): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, (_m, inner: string) => style.bold(inner))
    .replace(/(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
}

/** Markdown text as paragraphs, one per line; a `- item` or `1. item` line hangs under its text. */
function markdownParagraphs(markdown: string, style: Style, dim = false): Paragraph[] {
  return markdown.split('\n').map((line) => {
    const item = /^(\s*(?:[-*•]|\d{1,3}[.)])\s+)(.*)$/.exec(line);
    const [first, body] = item ? [item[1]!, item[2]!] : ['', line];
    const text = markdownToTerminal(body.trim(), style);
    return para(dim && text ? style.dim(text) : text, first);
  });
}

function blockParagraphs(block: Block, style: Style): Paragraph[] {
  const md = (t: string) => markdownToTerminal(t, style);
  switch (block.type) {
    case 'text':
      return markdownParagraphs(block.markdown, style);
    case 'context':
      return markdownParagraphs(block.markdown, style, true);
    case 'fields':
      return block.fields.map((f) => para(`${style.bold(f.label)}: ${md(f.value)}`, '', '  '));
    case 'list': {
      const items = block.items.map((item, i) => para(md(item), `  ${block.ordered ? `${i + 1}.` : '•'} `));
      return block.title ? [...markdownParagraphs(block.title, style), ...items] : items;
    }
    case 'code':
      return block.code.split('\n').map((line) => ({ ...para(line.trimEnd(), CODE_INDENT), verbatim: true }));
    case 'buttons':
      return block.buttons.filter((b) => b.command).map((b) => para(style.dim(`[${b.label}] type ${b.command}`)));
    case 'divider':
      return [para(style.dim('─'.repeat(40)))];
  }
}

/** The indent of a line of code; code keeps its own line breaks and indentation and is wrapped only past the width. */
const CODE_INDENT = '    ';

/** A line of code as it is when it fits; a longer one (a long test statement) cut at the width, each rest behind ↪. */
function codeLines(first: string, body: string, width: number): string[] {
  const room = Math.max(MIN_WIDTH, width - first.length);
  const chars = [...body];
  if (chars.length <= room) return [`${first}${body}`];
  const lines = [`${first}${chars.slice(0, room).join('')}`];
  for (let at = room; at < chars.length; at += room - 2) lines.push(`${first}↪ ${chars.slice(at, at + room - 2).join('')}`);
  return lines;
}

/** Wraps paragraphs to `width` columns at spaces (never inside a word), each continuation under its hanging indent; code keeps its lines. */
export function layout(paragraphs: Paragraph[], width: number): string {
  return paragraphs
    .map(({ first, hang, body, verbatim }) => {
      if (!body) return verbatim ? '' : first.trimEnd();
      if (verbatim) return codeLines(first, body, width).join('\n');
      const indent = Math.max(first.length, hang.length);
      const lines = wrapAnsi(body, Math.max(MIN_WIDTH, width - indent), { hard: false, trim: true }).split('\n');
      return lines.map((line, i) => `${i === 0 ? first : hang}${line}`).join('\n');
    })
    .join('\n');
}

/** A card as terminal text `width` columns wide: its title, then each block, separated by blank lines. */
export function renderCard(card: Card, style: Style, width: number): string {
  const parts: Paragraph[][] = card.blocks.map((b) => blockParagraphs(b, style)).filter((p) => p.length > 0);
  if (card.title) parts.unshift([para(style.bold(card.title), '▌ ')]);
  return layout(
    parts.flatMap((p, i) => (i === 0 ? p : [BLANK, ...p])),
    width,
  );
}

/** A reply in the thread: the card `width` columns wide in all, every line behind the thread bar. */
export function renderThreadReply(card: Card, style: Style, width: number): string {
  const bar = '  │ ';
  return renderCard(card, style, width - bar.length)
    .split('\n')
    .map((line) => (line ? `${bar}${line}` : bar.trimEnd()))
    .join('\n');
}

/** A short note (an acknowledgement, a hint), dimmed and wrapped, its continuation lines under its text. */
export function renderNote(note: string, style: Style, width: number, marker = ''): string {
  return layout([para(style.dim(markdownToTerminal(note, style)), marker)], width);
}

const ACKS: Record<Ack | 'discussion', [string, string]> = {
  'answer-counted': ['✓', 'Answer recorded. It counts when the round is revealed; later replies are discussion.'],
  discussion: ['·', 'Noted as discussion.'],
  'probe-bonus': ['★', 'Probe reply: bonus points added.'],
};

/** An acknowledgement as a note under the line the member typed. */
export function renderAck(ack: Ack | 'discussion', style: Style, width: number): string {
  const [mark, note] = ACKS[ack];
  return renderNote(note, style, width, `  ${mark} `);
}
