import { ApplicationCommandOptionType, ButtonStyle, ComponentType, PermissionFlagsBits, TextInputStyle } from 'discord.js';
import type { Card } from '../../core/message.ts';
import type { Ack } from '../../core/port.ts';
import { CATEGORIES, CATEGORY_NAMES, LEVELS } from '../../core/types.ts';
import { splitText } from '../../core/split-text.ts';

/** Discord's message limits: description, fields, field value, title, total characters and embeds per message. */
export const LIMITS = { description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, title: 256, message: 6000, embeds: 10, buttons: 5 } as const;

export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
}

export interface DiscordMessage {
  embeds: Embed[];
  components: { type: number; components: Record<string, unknown>[] }[];
}

const COLOUR = 0x1d3557;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const embedSize = (e: Embed) =>
  (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);


/**
 * A card as Discord messages: embeds whose descriptions carry the card's Markdown (Discord reads the same subset),
 * split within 4,096 characters a description, 25 fields an embed, 10 embeds and 6,000 characters a message.
 */
export function renderMessages(card: Card): DiscordMessage[] {
  const embeds: Embed[] = [{ color: COLOUR, ...(card.title ? { title: clip(card.title, LIMITS.title) } : {}) }];
  const current = () => embeds[embeds.length - 1]!;
  const addText = (text: string) => {
    for (const piece of splitText(text, LIMITS.description)) {
      const embed = current();
      const joined = embed.description ? `${embed.description}\n\n${piece}` : piece;
      if (joined.length <= LIMITS.description && !embed.fields?.length) embed.description = joined;
      else embeds.push({ color: COLOUR, description: piece });
    }
  };
  const components: DiscordMessage['components'] = [];
  for (const block of card.blocks) {
    if (block.type === 'text') addText(block.markdown);
    else if (block.type === 'context') addText(block.markdown.split('\n').map((l) => `-# ${l}`).join('\n'));
    else if (block.type === 'list') {
      const items = block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${item}`).join('\n');
      addText(block.title ? `${block.title}\n${items}` : items);
    } else if (block.type === 'fields') {
      for (const field of block.fields) {
        const next = { name: clip(field.label, LIMITS.fieldName), value: clip(field.value, LIMITS.fieldValue) };
        let embed = current();
        const full = (embed.fields?.length ?? 0) >= LIMITS.fields || embedSize(embed) + next.name.length + next.value.length > LIMITS.message;
        if (full) embeds.push((embed = { color: COLOUR }));
        (embed.fields ??= []).push(next);
      }
    } else if (block.type === 'buttons') {
      const buttons = block.buttons.slice(0, LIMITS.buttons).map((b) => ({
        type: ComponentType.Button,
        style: b.style === 'danger' ? ButtonStyle.Danger : b.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
        label: clip(b.label, 80),
        custom_id: clip(`${b.action}:${b.value}`, 100),
      }));
      if (buttons.length) components.push({ type: ComponentType.ActionRow, components: buttons });
    }
  }
  const messages: DiscordMessage[] = [];
  let batch: Embed[] = [];
  let size = 0;
  for (const embed of embeds.filter((e) => e.title || e.description || e.fields?.length)) {
    if (batch.length === LIMITS.embeds || size + embedSize(embed) > LIMITS.message) {
      messages.push({ embeds: batch, components: [] });
      batch = [];
      size = 0;
    }
    batch.push(embed);
    size += embedSize(embed);
  }
  messages.push({ embeds: batch, components });
  return messages;
}

export const renderMessage = (card: Card): DiscordMessage => renderMessages(card)[0]!;

/** Quiet reactions that acknowledge an answer or a probe reply. */
export const ACK_EMOJI: Record<Ack, string | null> = {
  'answer-counted': '✅',
  'answer-updated': null,
  'answer-withdrawn': null,
  discussion: null,
  'probe-bonus': '⭐',
  sealed: null,
};

const choice = (value: string, name = value) => ({ name, value });

/** `/mlq` as a Discord application command: one subcommand per core command, with typed options and choices. */
export function mlqCommand() {
  const sub = (name: string, description: string, options: Record<string, unknown>[] = []) => ({
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description: clip(description, 100),
    options,
  });
  const member = { type: ApplicationCommandOptionType.User, name: 'member', description: 'Another member (default: you)', required: false };
  return {
    name: 'mlq',
    description: 'Daily machine-learning interview practice',
    dm_permission: false,
    options: [
      sub('help', 'The commands, or the details of one', [{ type: ApplicationCommandOptionType.String, name: 'command', description: 'A command', required: false }]),
      sub('today', "Show today's question and when it is revealed"),
      sub('ask', 'A private practice question', [
        { type: ApplicationCommandOptionType.String, name: 'category', description: 'Category', required: false, choices: CATEGORIES.map((c) => choice(c, CATEGORY_NAMES[c])) },
        { type: ApplicationCommandOptionType.String, name: 'level', description: 'Level', required: false, choices: LEVELS.map((l) => choice(l)) },
        { type: ApplicationCommandOptionType.String, name: 'topic', description: 'A topic word, such as calibration', required: false, max_length: 40 },
      ]),
      sub('solution', 'Reveal the strong answer to your last practice question'),
      sub('streak', 'Your streak, or a member’s', [member]),
      sub('away', 'Pause your streak while you are away', [{ type: ApplicationCommandOptionType.String, name: 'days', description: 'Days away (1 to 14), or off', required: true, max_length: 3 }]),
      sub('leaderboard', "This week's or the all-time leaderboard", [
        { type: ApplicationCommandOptionType.String, name: 'period', description: 'week or all', required: false, choices: [choice('week'), choice('all')] },
        { type: ApplicationCommandOptionType.Boolean, name: 'public', description: 'Post it for everyone', required: false },
      ]),
      sub('stats', 'Your answers, points and categories, or a member’s', [member]),
      sub('topics', 'The categories of the bank, with question counts'),
      sub('reveal', "Organisers: reveal the open round's strong answer now"),
      sub('skip', 'Organisers: skip the open question and post another'),
      sub('config', "Organisers: show or change the channel's schedule and question mix", [
        { type: ApplicationCommandOptionType.String, name: 'setting', description: 'What to change', required: false, choices: ['time', 'timezone', 'days', 'reveal', 'digest', 'ramp', 'categories', 'levels'].map((s) => choice(s)) },
        { type: ApplicationCommandOptionType.String, name: 'value', description: 'For example 09:30, Europe/Berlin, mon-fri, 6h', required: false, max_length: 100 },
      ]),
      sub('start', 'Subscribe this channel to the daily question'),
      sub('stop', 'Organisers: pause the daily question in this channel'),
    ],
  };
}

/** The permissions mlq asks for in its invite link, each explained in the README. */
export const INVITE_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseApplicationCommands,
];

/** The sealed-answer modal; its custom id carries the round. */
export function sealedAnswerModal(roundId: string, prompt: string) {
  return {
    custom_id: `mlq.sealed:${roundId}`,
    title: 'Answer privately',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'answer',
            label: clip(`Your answer to: ${prompt}`, 45),
            style: TextInputStyle.Paragraph,
            required: true,
            max_length: 4000,
            placeholder: 'Only you see it until the reveal; then everyone does.',
          },
        ],
      },
    ],
  };
}
