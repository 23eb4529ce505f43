import { idCodec } from '../ids.ts';

/**
 * mlq's opaque ids for Discord: `discord:GUILD:CHANNEL[:message]` (a thread is a channel), members `discord:GUILD:USER`;
 * a direct-message channel, which belongs to no server, is `discord:@me:CHANNEL`.
 */
export const ids = idCodec('discord');

/** The community part of a direct-message channel's id (Discord's own `@me` in its links). */
export const DIRECT = '@me';

/** A component's or modal's custom id, `action:value`, split at its first colon. */
export function customId(id: string): { action: string; value: string } {
  const at = id.indexOf(':');
  return at < 0 ? { action: id, value: '' } : { action: id.slice(0, at), value: id.slice(at + 1) };
}

/** A chat-input option as the gateway sends it (subcommands nest their options). */
export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: RawOption[];
}

const USER_OPTION = 6;
const BOOLEAN_OPTION = 5;

/**
 * The `/mlq` interaction's subcommand and options as the core's command line, e.g. `/mlq leaderboard all public`; a
 * flag adds its name. A command of its own (`mlq-export`, past Discord's subcommand limit) names the subcommand.
 */
export function commandLine(options: RawOption[], guild: string, command = 'mlq'): string {
  const sub = command === 'mlq' ? options[0] : { name: command.slice('mlq-'.length), type: 1, options };
  if (!sub) return '/mlq help';
  const words = [sub.name];
  for (const option of sub.options ?? []) {
    if (option.type === USER_OPTION) words.push(`<@${ids.member(guild, String(option.value))}>`);
    else if (option.type === BOOLEAN_OPTION) {
      if (option.value === true) words.push(option.name);
    } else if (option.value !== undefined) words.push(String(option.value));
  }
  return `/mlq ${words.join(' ')}`;
}

interface RawAuthor {
  id: string;
  username?: string;
  global_name?: string | null;
  bot?: boolean;
}

export interface RawMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author?: RawAuthor;
  member?: { nick?: string | null };
  content?: string;
  webhook_id?: string;
  type?: number;
}

export type MessageAction =
  | { kind: 'reply'; guild: string; thread: string; message: string; user: string; name: string; text: string }
  | { kind: 'direct'; channel: string; message: string; user: string; text: string }
  | { kind: 'edit'; guild: string; channel: string; message: string; text: string; user?: string; name?: string }
  | { kind: 'delete'; guild: string; channel: string; message: string }
  | { kind: 'reaction'; guild: string; channel: string; message: string; user: string; name: string }
  | { kind: 'ignore' };

const displayName = (author: RawAuthor, nick?: string | null) => nick || author.global_name || author.username || author.id;

/**
 * What a raw gateway dispatch means for mlq. Message ids of thread replies are read against the rounds' threads by
 * the core, so any guild message may be a reply; a message outside any server is a direct message (a mock interview);
 * bots, webhooks, system messages and empty content are ignored.
 */
export function classifyDispatch(type: string, data: unknown, botUserId?: string): MessageAction {
  const d = data as RawMessage & { user_id?: string; message_id?: string; emoji?: unknown; edited_timestamp?: string };
  if (d && !d.guild_id && type === 'MESSAGE_CREATE' && d.author && !d.author.bot && d.author.id !== botUserId && d.content) {
    if (d.type !== undefined && d.type !== 0 && d.type !== 19) return { kind: 'ignore' };
    return { kind: 'direct', channel: d.channel_id, message: d.id, user: d.author.id, text: d.content };
  }
  if (!d?.guild_id) return { kind: 'ignore' };
  if (type === 'MESSAGE_CREATE') {
    if (!d.author || d.author.bot || d.webhook_id || d.author.id === botUserId || (d.type !== undefined && d.type !== 0 && d.type !== 19))
      return { kind: 'ignore' };
    if (!d.content) return { kind: 'ignore' };
    return {
      kind: 'reply',
      guild: d.guild_id,
      thread: d.channel_id,
      message: d.id,
      user: d.author.id,
      name: displayName(d.author, d.member?.nick),
      text: d.content,
    };
  }
  if (type === 'MESSAGE_UPDATE') {
    if (d.content === undefined || d.author?.bot || d.author?.id === botUserId) return { kind: 'ignore' };
    const author = d.author ? { user: d.author.id, name: displayName(d.author, d.member?.nick) } : {};
    return { kind: 'edit', guild: d.guild_id, channel: d.channel_id, message: d.id, text: d.content, ...author };
  }
  if (type === 'MESSAGE_DELETE') return { kind: 'delete', guild: d.guild_id, channel: d.channel_id, message: d.id };
  if (type === 'MESSAGE_REACTION_ADD') {
    const member = (d as { member?: { user?: RawAuthor; nick?: string | null } }).member;
    if (!d.user_id || d.user_id === botUserId || member?.user?.bot) return { kind: 'ignore' };
    const name = member?.user ? displayName(member.user, member.nick) : d.user_id;
    return { kind: 'reaction', guild: d.guild_id, channel: d.channel_id, message: d.message_id!, user: d.user_id, name };
  }
  return { kind: 'ignore' };
}
