import { LRUCache } from 'lru-cache';
import slackifyMarkdown from 'slackify-markdown';
import type { Block, Card } from '../../core/message.ts';
import type { Ack } from '../../core/port.ts';
import { splitText } from '../../core/split-text.ts';

/** Block Kit limits: characters in a section's text, blocks in a message, fields in a section, header length. */
export const LIMITS = { section: 3000, blocks: 50, fields: 10, field: 2000, header: 150, context: 2000, text: 3000 } as const;

// Slack's Block Kit JSON, kept loose: the Web API validates it and the fake server checks the limits in tests.
export type SlackBlock = Record<string, unknown>;

export interface SlackMessage {
  blocks: SlackBlock[];
  text: string;
}

const converted = new LRUCache<string, string>({ max: 2_000 });

/**
 * The core's neutral Markdown as Slack mrkdwn, converted by slackify-markdown (bold, italics, code, lists, escaping).
 * Conversions are remembered: the unified pipeline costs about a millisecond a block, and cards repeat.
 */
export function toMrkdwn(markdown: string): string {
  const known = converted.get(markdown);
  if (known !== undefined) return known;
  const mrkdwn = slackifyMarkdown(markdown).replace(/\u200b/g, '').replace(/\n+$/, '');
  converted.set(markdown, mrkdwn);
  return mrkdwn;
}


const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const section = (mrkdwn: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } });

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
          .map((f) => ({ type: 'mrkdwn', text: clip(`*${f.label}*\n${toMrkdwn(f.value)}`, LIMITS.field) }));
        groups.push({ type: 'section', fields });
      }
      return groups;
    }
    case 'list': {
      const items = block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${toMrkdwn(item)}`).join('\n');
      const body = block.title ? `${toMrkdwn(block.title)}\n${items}` : items;
      return splitText(body, LIMITS.section).map(section);
    }
    case 'buttons':
      return [
        {
          type: 'actions',
          elements: block.buttons.map((b) => ({
            type: 'button',
            action_id: b.action,
            value: b.value,
            text: { type: 'plain_text', text: clip(b.label, 75) },
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
  if (card.title) blocks.push({ type: 'header', text: { type: 'plain_text', text: clip(card.title, LIMITS.header) } });
  for (const block of card.blocks) blocks.push(...renderBlock(block));
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.blocks) {
    messages.push({ blocks: blocks.slice(i, i + LIMITS.blocks), text: clip(card.fallback, LIMITS.text) });
  }
  return messages.length ? messages : [{ blocks: [], text: card.fallback }];
}

/** One message (for posts and updates): the first `blocks` limit of blocks. */
export function renderMessage(card: Card): SlackMessage {
  const [first] = renderMessages(card);
  return first!;
}

/** Quiet reactions: the emoji that acknowledges each outcome. */
export const ACK_EMOJI: Record<Ack, string | null> = {
  'answer-counted': 'white_check_mark',
  'answer-updated': null,
  'answer-withdrawn': null,
  discussion: null,
  'probe-bonus': 'star',
  sealed: null,
};

/** The modal for a sealed answer; `private_metadata` carries the round so the submission finds it again. */
export function sealedAnswerModal(roundId: string, channel: string, prompt: string) {
  return {
    type: 'modal' as const,
    callback_id: 'mlq.sealed',
    private_metadata: JSON.stringify({ roundId, channel }),
    title: { type: 'plain_text' as const, text: 'Answer privately' },
    submit: { type: 'plain_text' as const, text: 'Seal my answer' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(toMrkdwn(`**${prompt}**`), LIMITS.section) } },
      {
        type: 'input',
        block_id: 'answer',
        label: { type: 'plain_text', text: 'Your answer' },
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 3000 },
        hint: { type: 'plain_text', text: 'Only you see it until the reveal; then everyone does.' },
      },
    ],
  };
}
