import type { Ack } from '../../core/port.ts';
import type { Block, Card } from '../../core/message.ts';

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

export const plainStyle: Style = { bold: (t) => t, dim: (t) => t };
export const ansiStyle: Style = { bold: (t) => `\x1b[1m${t}\x1b[22m`, dim: (t) => `\x1b[2m${t}\x1b[22m` };

/** The neutral Markdown subset for a terminal: bold through the style, italics and code marks dropped. */
export function markdownToTerminal(markdown: string, style: Style): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, (_m, inner: string) => style.bold(inner))
    .replace(/(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
}

function renderBlock(block: Block, style: Style): string {
  const md = (t: string) => markdownToTerminal(t, style);
  switch (block.type) {
    case 'text':
      return md(block.markdown);
    case 'context':
      return style.dim(md(block.markdown));
    case 'fields':
      return block.fields.map((f) => `${style.bold(f.label)}: ${md(f.value)}`).join('\n');
    case 'list': {
      const items = block.items.map((item, i) => `  ${block.ordered ? `${i + 1}.` : '•'} ${md(item)}`);
      return [block.title ? md(block.title) : null, ...items].filter((l) => l !== null).join('\n');
    }
    case 'buttons':
      return block.buttons
        .filter((b) => b.command)
        .map((b) => style.dim(`[${b.label}] type ${b.command}`))
        .join('\n');
    case 'divider':
      return style.dim('─'.repeat(40));
  }
}

/** A card as terminal text: its title, then each block separated by a blank line. */
export function renderCard(card: Card, style: Style): string {
  const parts = card.blocks.map((b) => renderBlock(b, style)).filter(Boolean);
  return [card.title ? style.bold(`▌ ${card.title}`) : null, ...parts].filter((p) => p !== null).join('\n\n');
}

const ACKS: Record<Ack | 'discussion', string> = {
  'answer-counted': '✓ Answer recorded. It counts when the round is revealed; later replies are discussion.',
  discussion: '· Noted as discussion.',
  'probe-bonus': '★ Probe reply: bonus points added.',
};

export const renderAck = (ack: Ack | 'discussion'): string => ACKS[ack];

export function indent(text: string, prefix = '  │ '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
