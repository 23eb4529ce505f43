import { ApplicationCommandOptionType, ButtonStyle, ComponentType, MessageFlags, PermissionFlagsBits, TextInputStyle } from 'discord.js';
import { clip } from '../../core/clip.ts';
import { COMMANDS } from '../../core/commands/registry.ts';
import type { AnyCommand, OptionSpec } from '../../core/commands/spec.ts';
import type { Form, FormField } from '../../core/interactions.ts';
import { stripMarkdown, unfenced } from '../../core/markdown.ts';
import type { Card } from '../../core/message.ts';
import type { Ack } from '../../core/port.ts';
import { splitCode, splitText } from '../../core/split-text.ts';

/** Discord's message limits: description, fields, field value, title, total characters and embeds per message. */
export const LIMITS = {
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  title: 256,
  message: 6000,
  embeds: 10,
  buttons: 5,
} as const;

export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
}

/** Every message mlq sends pings no one: text a member typed is shown, never turned into a live mention. */
export const NO_MENTIONS = { parse: [] as never[] };

export interface DiscordMessage {
  embeds: Embed[];
  components: { type: number; components: Record<string, unknown>[] }[];
  allowed_mentions: typeof NO_MENTIONS;
}

const COLOUR = 0x1d3557;

const embedSize = (e: Embed) =>
  (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/**
 * A card as Discord messages: embeds whose descriptions carry the card's Markdown (Discord reads the same subset),
 * split within 4,096 characters a description, 25 fields an embed, 10 embeds and 6,000 characters a message.
 */
export function renderMessages(card: Card): DiscordMessage[] {
  const embeds: Embed[] = [{ color: COLOUR, ...(card.title ? { title: clip(card.title, LIMITS.title) } : {}) }];
  const current = () => embeds[embeds.length - 1]!;
  const addPieces = (pieces: string[]) => {
    for (const piece of pieces) {
      const embed = current();
      const joined = embed.description ? `${embed.description}\n\n${piece}` : piece;
      if (joined.length <= LIMITS.description && !embed.fields?.length) embed.description = joined;
      else embeds.push({ color: COLOUR, description: piece });
    }
  };
  const addText = (text: string) => addPieces(splitText(text, LIMITS.description));
  const components: DiscordMessage['components'] = [];
  for (const block of card.blocks) {
    if (block.type === 'text') addText(block.markdown);
    else if (block.type === 'context')
      addText(
        block.markdown
          .split('\n')
          .map((l) => `-# ${l}`)
          .join('\n'),
      );
    else if (block.type === 'list') {
      const items = block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${item}`).join('\n');
      addText(block.title ? `${block.title}\n${items}` : items);
    } else if (block.type === 'code') {
      addPieces(splitCode(unfenced(block.code), LIMITS.description, `\`\`\`${block.language ?? ''}\n`, '\n```'));
    } else if (block.type === 'fields') {
      for (const field of block.fields) {
        const next = { name: clip(field.label, LIMITS.fieldName), value: clip(field.value, LIMITS.fieldValue) };
        let embed = current();
        const full =
          (embed.fields?.length ?? 0) >= LIMITS.fields || embedSize(embed) + next.name.length + next.value.length > LIMITS.message;
        if (full) {
          embed = { color: COLOUR };
          embeds.push(embed);
        }
        embed.fields = [...(embed.fields ?? []), next];
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
      messages.push({ embeds: batch, components: [], allowed_mentions: NO_MENTIONS });
      batch = [];
      size = 0;
    }
    batch.push(embed);
    size += embedSize(embed);
  }
  messages.push({ embeds: batch, components, allowed_mentions: NO_MENTIONS });
  return messages;
}

export const renderMessage = (card: Card): DiscordMessage => renderMessages(card)[0]!;

/** A message as discord.js takes it for an interaction's reply, private unless `visible`. */
export function interactionReply(message: DiscordMessage | { content: string }, visible = false) {
  const body = 'content' in message ? { content: message.content } : { embeds: message.embeds, components: message.components };
  return { ...body, allowedMentions: NO_MENTIONS, ...(visible ? {} : { flags: MessageFlags.Ephemeral as const }) };
}

/** Quiet reactions that acknowledge an answer or a probe reply. */
export const ACK_EMOJI: Record<Ack, string> = {
  'answer-counted': '✅',
  'probe-bonus': '⭐',
};

const OPTION_TYPES = {
  text: ApplicationCommandOptionType.String,
  member: ApplicationCommandOptionType.User,
  flag: ApplicationCommandOptionType.Boolean,
} as const;

function commandOption(option: OptionSpec) {
  return {
    type: OPTION_TYPES[option.kind],
    name: option.name,
    description: clip(option.description, 100),
    required: option.required ?? false,
    ...(option.choices ? { choices: option.choices.map((c) => ({ name: clip(c.label ?? c.value, 100), value: c.value })) } : {}),
    ...(option.maxLength ? { max_length: option.maxLength } : {}),
  };
}

function subcommandDescription(spec: AnyCommand): string {
  const summary = stripMarkdown(spec.summary).replace(/`/g, '');
  return clip(spec.organiserOnly ? `Organisers: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}` : summary, 100);
}

/** The most subcommands Discord allows under one command. */
export const MAX_SUBCOMMANDS = 25;

/**
 * The specs offered under `/mlq`, and those past Discord's 25 subcommands: organiser commands, the last in help's
 * order first, each registered as a command of its own named `mlq-<name>`.
 */
export function splitCommands(commands: AnyCommand[] = COMMANDS): { under: AnyCommand[]; own: AnyCommand[] } {
  const under = [...commands];
  const own: AnyCommand[] = [];
  for (let i = under.length - 1; i >= 0 && under.length > MAX_SUBCOMMANDS; i--) {
    if (under[i]!.organiserOnly) own.unshift(...under.splice(i, 1));
  }
  return { under, own };
}

/** `/mlq` as a Discord application command, generated from the core's command specs and their option metadata. */
export function mlqCommand(commands: AnyCommand[] = splitCommands().under) {
  return {
    name: 'mlq',
    description: 'Daily machine-learning interview practice',
    dm_permission: false,
    options: commands.map((spec) => ({
      type: ApplicationCommandOptionType.Subcommand,
      name: spec.name,
      description: subcommandDescription(spec),
      options: (spec.options ?? []).map(commandOption),
    })),
  };
}

/** Every application command mlq registers: `/mlq`, then an `mlq-<name>` for each spec past the subcommand limit. */
export function applicationCommands(commands: AnyCommand[] = COMMANDS) {
  const { under, own } = splitCommands(commands);
  return [
    mlqCommand(under),
    ...own.map((spec) => ({
      name: `mlq-${spec.name}`,
      description: subcommandDescription(spec),
      dm_permission: false,
      options: (spec.options ?? []).map(commandOption),
    })),
  ];
}

/** The permissions mlq asks for in its invite link, each explained in the README. */
export const INVITE_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.CreatePrivateThreads,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseApplicationCommands,
];

/** Splits a long option at a word into Discord's 100-character label and description. */
function optionText(text: string): { label: string; description?: string } {
  if (text.length <= 100) return { label: text };
  const cut = text.lastIndexOf(' ', 99);
  const at = cut > 40 ? cut : 99;
  return { label: text.slice(0, at), description: clip(text.slice(at).trim(), 100) };
}

/** A checkbox field as a labelled checkbox group (ticking none is an answer too). */
function checkboxGroup(field: FormField & { choices: NonNullable<FormField['choices']> }) {
  const options = field.choices.options.slice(0, 10);
  return {
    type: ComponentType.Label,
    label: clip(field.label, 45),
    ...(field.hint ? { description: clip(field.hint, 100) } : {}),
    component: {
      type: ComponentType.CheckboxGroup,
      custom_id: field.id,
      options: options.map((o) => ({ value: o.value, ...optionText(o.label), default: field.choices.selected.includes(o.value) })),
      min_values: 0,
      max_values: options.length,
      required: false,
    },
  };
}

/**
 * A core form as a modal: its custom id carries the form and its value. The subject leads the first text field's
 * label; a form with checkboxes shows it as text above them.
 */
export function renderForm(form: Form) {
  const checkboxes = form.fields.some((f) => f.choices);
  return {
    custom_id: clip(`${form.id}:${form.value}`, 100),
    title: clip(form.title, 45),
    components: [
      ...(checkboxes && form.subject ? [{ type: ComponentType.TextDisplay, content: clip(`**${form.subject}**`, 4000) }] : []),
      ...form.fields.map((field, i) =>
        field.choices
          ? checkboxGroup({ ...field, choices: field.choices })
          : {
              type: ComponentType.ActionRow,
              components: [
                {
                  type: ComponentType.TextInput,
                  custom_id: field.id,
                  label: clip(i === 0 && form.subject && !checkboxes ? `${field.label} to: ${form.subject}` : field.label, 45),
                  style: field.short ? TextInputStyle.Short : TextInputStyle.Paragraph,
                  required: true,
                  max_length: Math.min(field.maxLength, 4000),
                  ...(field.hint ? { placeholder: clip(field.hint, 100) } : {}),
                  ...(field.initial ? { value: clip(field.initial, Math.min(field.maxLength, 4000)) } : {}),
                },
              ],
            },
      ),
    ],
  };
}
