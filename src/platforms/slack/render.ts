import type { types } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import slackifyMarkdown from 'slackify-markdown';
import { clip } from '../../core/clip.ts';
import type { Form, FormField } from '../../core/interactions.ts';
import { unfenced } from '../../core/markdown.ts';
import type { Block, Card } from '../../core/message.ts';
import type { Ack } from '../../core/port.ts';
import { splitCode, splitText } from '../../core/split-text.ts';

/** Block Kit limits: characters in a section's text, blocks in a message, fields in a section, header length. */
export const LIMITS = {
  section: 3000,
  blocks: 50,
  fields: 10,
  field: 2000,
  header: 150,
  context: 2000,
  text: 3000,
  input: 3000,
  checkboxes: 10,
  option: 75,
} as const;

/** Slack's Block Kit JSON, kept loose: the Web API validates it and the fake server checks the limits in tests. */
export type SlackBlock = Record<string, unknown>;

export interface SlackMessage {
  blocks: SlackBlock[];
  text: string;
}

/** mlq's neutral member mentions for Slack members (`<@slack:T1:U2>`): the only mentions a reply may carry. */
const NEUTRAL_MENTION = /<@slack:[^:<>\s]+:([UW][A-Z0-9]+)>/g;
const RESERVED = /[\uE000-\uE004]/g;

/**
 * Hides everything Slack would read as markup from a converter: neutral mentions become numbered placeholders, and
 * `&`, `<` and `>` (except a quote's `>` at the start of a line) become private-use characters.
 */
function protect(text: string): { text: string; mentions: string[] } {
  const mentions: string[] = [];
  const hidden = text
    .replace(RESERVED, '')
    .replace(NEUTRAL_MENTION, (_m, user: string) => `\uE000${mentions.push(user) - 1}\uE001`)
    .replace(/&/g, '\uE002')
    .replace(/(?<!^[ \t]*)>|</gm, (c) => (c === '<' ? '\uE003' : '\uE004'));
  return { text: hidden, mentions };
}

/** Writes the hidden characters back as Slack's escapes, and the neutral mentions as real ones. */
function restore(text: string, mentions: string[]): string {
  return text
    .replace(/<([^<>]*)>/g, (whole, inner: string) => (/^(https?:\/\/|mailto:)/i.test(inner) ? whole : `&lt;${inner}&gt;`))
    .replace(/\uE002/g, '&amp;')
    .replace(/\uE003/g, '&lt;')
    .replace(/\uE004/g, '&gt;')
    .replace(/\uE000(\d+)\uE001/g, (_m, i: string) => `<@${mentions[Number(i)]}>`);
}

/**
 * Text for a mrkdwn field that is not Markdown (a fallback, a label, a notice): `&`, `<` and `>` escaped, so nothing a
 * member typed becomes `<!channel>`, `<@U…>` or `<#C…>`; mlq's own neutral mentions become real mentions.
 */
export function escapeText(text: string): string {
  const hidden = protect(text);
  return restore(hidden.text, hidden.mentions);
}

const converted = new LRUCache<string, string>({ max: 2_000 });

/**
 * The core's neutral Markdown as Slack mrkdwn, converted by slackify-markdown (bold, italics, code, lists) with the
 * same escaping as escapeText. Conversions are remembered: the pipeline costs about a millisecond a block, and cards repeat.
 */
export function toMrkdwn(markdown: string): string {
  const known = converted.get(markdown);
  if (known !== undefined) return known;
  const hidden = protect(markdown);
  const mrkdwn = restore(
    slackifyMarkdown(hidden.text)
      .replace(/\u200b/g, '')
      .replace(/\n+$/, ''),
    hidden.mentions,
  );
  converted.set(markdown, mrkdwn);
  return mrkdwn;
}

const section = (mrkdwn: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } });
const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max) });

function renderBlock(block: Block): SlackBlock[] {
  switch (block.type) {
    case 'text':
      return splitText(toMrkdwn(block.markdown), LIMITS.section).map(section);
    case 'context':
      return [{ type: 'context', elements: [{ type: 'mrkdwn', text: clip(toMrkdwn(block.markdown), LIMITS.context) }] }];
    case 'fields': {
      const groups: SlackBlock[] = [];
      for (let i = 0; i < block.fields.length; i += LIMITS.fields) {
        const fields = block.fields
          .slice(i, i + LIMITS.fields)
          .map((f) => ({ type: 'mrkdwn', text: clip(`*${escapeText(f.label)}*\n${toMrkdwn(f.value)}`, LIMITS.field) }));
        groups.push({ type: 'section', fields });
      }
      return groups;
    }
    case 'list': {
      const items = block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${toMrkdwn(item)}`).join('\n');
      const body = block.title ? `${toMrkdwn(block.title)}\n${items}` : items;
      return splitText(body, LIMITS.section).map(section);
    }
    case 'code':
      return splitCode(escapeText(unfenced(block.code)), LIMITS.section, '```\n', '\n```').map(section);
    case 'buttons':
      return [
        {
          type: 'actions',
          elements: block.buttons.map((b) => ({
            type: 'button',
            action_id: b.action,
            value: b.value,
            text: plain(b.label, 75),
            ...(b.style ? { style: b.style } : {}),
          })),
        },
      ];
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** A card as Block Kit messages: usually one; a long reveal becomes several, each within the block limit. */
export function renderMessages(card: Card): SlackMessage[] {
  const blocks: SlackBlock[] = [];
  if (card.title) blocks.push({ type: 'header', text: plain(card.title, LIMITS.header) });
  for (const block of card.blocks) blocks.push(...renderBlock(block));
  const text = escapeText(clip(card.fallback, LIMITS.text));
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.blocks) messages.push({ blocks: blocks.slice(i, i + LIMITS.blocks), text });
  return messages.length ? messages : [{ blocks: [], text }];
}

/** Blocks a Home tab view holds (messages hold 50). */
export const HOME_BLOCKS = 100;

/** A card as the App Home tab's view (views.publish): the same blocks as a message, at most HOME_BLOCKS of them. */
export function renderHome(card: Card): types.HomeView {
  const blocks: SlackBlock[] = card.title ? [{ type: 'header', text: plain(card.title, LIMITS.header) }] : [];
  for (const block of card.blocks) blocks.push(...renderBlock(block));
  return { type: 'home', blocks: blocks.slice(0, HOME_BLOCKS) as unknown as types.KnownBlock[] };
}

/** One message (for posts and updates): the first `blocks` limit of blocks. */
export function renderMessage(card: Card): SlackMessage {
  const [first] = renderMessages(card);
  return first!;
}

/** A short private sentence from the core, as a message. */
export const renderNotice = (text: string): SlackMessage => ({ blocks: [], text: escapeText(text) });

/** Quiet reactions: the emoji that acknowledges each outcome. */
export const ACK_EMOJI: Record<Ack, string> = {
  'answer-counted': 'white_check_mark',
  'probe-bonus': 'star',
};

/** Splits a long option at a word into Slack's 75-character text and description. */
function optionText(label: string): { text: { type: 'plain_text'; text: string }; description?: { type: 'plain_text'; text: string } } {
  if (label.length <= LIMITS.option) return { text: plain(label, LIMITS.option) };
  const cut = label.lastIndexOf(' ', LIMITS.option - 1);
  const at = cut > 30 ? cut : LIMITS.option - 1;
  return { text: plain(label.slice(0, at), LIMITS.option), description: plain(label.slice(at).trim(), LIMITS.option) };
}

/** A form field as a modal input: multi-line text, or checkboxes (optional, so ticking none is an answer too). */
function renderField(field: FormField): SlackBlock {
  if (field.choices) {
    const options = field.choices.options.slice(0, LIMITS.checkboxes).map((o) => ({ ...optionText(o.label), value: o.value }));
    const initial = options.filter((o) => field.choices!.selected.includes(o.value));
    return {
      type: 'input',
      block_id: field.id,
      optional: true,
      label: plain(field.label, 2000),
      element: { type: 'checkboxes', action_id: 'ticked', options, ...(initial.length ? { initial_options: initial } : {}) },
      ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
    };
  }
  return {
    type: 'input',
    block_id: field.id,
    label: plain(field.label, 2000),
    element: {
      type: 'plain_text_input',
      action_id: 'text',
      multiline: !field.short,
      max_length: Math.min(field.maxLength, LIMITS.input),
      ...(field.initial ? { initial_value: clip(field.initial, Math.min(field.maxLength, LIMITS.input)) } : {}),
    },
    ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
  };
}

/** A core form as a modal; `private_metadata` carries its value and the channel so the submission finds them again. */
export function renderForm(form: Form, channel: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: form.id,
    private_metadata: JSON.stringify({ value: form.value, channel }),
    title: plain(form.title, 24),
    submit: plain(form.submit, 24),
    close: plain('Cancel', 24),
    blocks: [
      ...(form.subject ? [section(clip(toMrkdwn(`**${form.subject}**`), LIMITS.section))] : []),
      ...form.fields.map(renderField),
    ] as unknown as types.KnownBlock[],
  };
}
