import { stripMarkdown } from './markdown.ts';

/** A button; `command` is the text command that does the same, for platforms without buttons. */
export interface Button {
  label: string;
  action: string;
  value: string;
  command?: string;
  style?: 'primary' | 'danger';
}

export interface Field {
  label: string;
  value: string;
}

/** One block of a card; every text is neutral Markdown that each platform converts its own way. */
export type Block =
  | { type: 'text'; markdown: string }
  | { type: 'fields'; fields: Field[] }
  | { type: 'list'; title?: string; items: string[]; ordered?: boolean }
  | { type: 'context'; markdown: string }
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'divider' };

/** The neutral message every platform renders; `fallback` is plain text for notifications and screen readers. */
export interface Card {
  title?: string;
  blocks: Block[];
  fallback: string;
}

/** Builds a card and derives its fallback text from the blocks unless one is given. */
export function card(title: string | undefined, blocks: Block[], fallback?: string): Card {
  return { title, blocks, fallback: fallback ?? toFallback(title, blocks) };
}

export const text = (markdown: string): Block => ({ type: 'text', markdown });
export const context = (markdown: string): Block => ({ type: 'context', markdown });
export const fields = (items: Field[]): Block => ({ type: 'fields', fields: items });
export const list = (items: string[], title?: string, ordered = false): Block => ({ type: 'list', items, title, ordered });
export const buttons = (items: Button[]): Block => ({ type: 'buttons', buttons: items });
export const divider = (): Block => ({ type: 'divider' });

function toFallback(title: string | undefined, blocks: Block[]): string {
  const parts: string[] = title ? [title] : [];
  for (const block of blocks) {
    if (block.type === 'text') parts.push(stripMarkdown(block.markdown));
    else if (block.type === 'fields') parts.push(block.fields.map((f) => `${f.label}: ${stripMarkdown(f.value)}`).join(' · '));
    else if (block.type === 'list')
      parts.push([block.title, ...block.items.map((i) => `- ${stripMarkdown(i)}`)].filter(Boolean).join('\n'));
    if (parts.join('\n').length > 300) break;
  }
  const joined = parts.join('\n');
  return joined.length > 300 ? `${joined.slice(0, 297)}...` : joined;
}
