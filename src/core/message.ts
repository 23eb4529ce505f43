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
  | { type: 'code'; code: string; language?: string }
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
/** Program text shown as it is, in a code block: never reflowed, split only between lines. */
export const code = (source: string, language?: string): Block => ({ type: 'code', code: source, language });
export const buttons = (items: Button[]): Block => ({ type: 'buttons', buttons: items });
export const divider = (): Block => ({ type: 'divider' });

function toFallback(title: string | undefined, blocks: Block[]): string {
  const parts: string[] = title ? [title] : [];
  for (const block of blocks) {
    if (block.type === 'text') parts.push(stripMarkdown(block.markdown));
    else if (block.type === 'fields') parts.push(block.fields.map((f) => `${f.label}: ${stripMarkdown(f.value)}`).join(' · '));
    else if (block.type === 'list')
      parts.push([block.title, ...block.items.map((i) => `- ${stripMarkdown(i)}`)].filter(Boolean).join('\n'));
    else if (block.type === 'code') parts.push(block.code);
    if (parts.join('\n').length > 300) break;
  }
  const joined = parts.join('\n');
  return joined.length > 300 ? `${joined.slice(0, 297)}...` : joined;
}

/** The characters of a card's visible text (title, Markdown, labels, list items, code), before any platform renders it. */
export function cardLength(card: Card): number {
  let length = card.title?.length ?? 0;
  for (const block of card.blocks) {
    if (block.type === 'text' || block.type === 'context') length += block.markdown.length;
    else if (block.type === 'fields') length += block.fields.reduce((n, f) => n + f.label.length + f.value.length, 0);
    else if (block.type === 'list') length += (block.title?.length ?? 0) + block.items.reduce((n, i) => n + i.length, 0);
    else if (block.type === 'code') length += block.code.length;
  }
  return length;
}
