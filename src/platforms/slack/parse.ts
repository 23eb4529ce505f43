/** Slack's own ids, recovered from mlq's opaque ids; only this adapter knows the encoding. */
export interface SlackRef {
  team: string;
  channel: string;
  ts?: string;
}

export const communityId = (team: string) => `slack:${team}`;
export const channelId = (team: string, channel: string) => `slack:${team}:${channel}`;
export const messageId = (team: string, channel: string, ts: string) => `slack:${team}:${channel}:${ts}`;
export const memberId = (team: string, user: string) => `slack:${team}:${user}`;

/** Decodes `slack:T:C[:ts]`; null for an id that is not Slack's. */
export function decode(id: string): SlackRef | null {
  const [platform, team, channel, ts] = id.split(':');
  if (platform !== 'slack' || !team || !channel) return null;
  return ts ? { team, channel, ts } : { team, channel };
}

export const userOf = (id: string): string => id.split(':')[2] ?? id;

/** Slash-command text with Slack's escaped mentions (`<@U123|ann>`) turned into the core's neutral `<@member-id>`. */
export function neutralCommandText(text: string, team: string): string {
  return `/mlq ${text}`.replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, user: string) => `<@${memberId(team, user)}>`);
}

/** Message text with Slack's mention and link markup made readable for storage and reveal. */
export function plainMessageText(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, user: string, name?: string) => `@${name ?? user}`)
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export interface SlackMessageEvent {
  type: 'message';
  subtype?: string;
  channel: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  message?: { user?: string; bot_id?: string; text?: string; ts: string; thread_ts?: string; subtype?: string };
  previous_message?: { ts: string; thread_ts?: string };
  deleted_ts?: string;
}

export type SlackMessageAction =
  | { kind: 'reply'; channel: string; user: string; text: string; ts: string; threadTs: string }
  | { kind: 'edit'; channel: string; ts: string; text: string; user?: string; threadTs: string }
  | { kind: 'delete'; channel: string; ts: string }
  | { kind: 'ignore' };

/** What a message event means for mlq: a thread reply, an edit, a deletion, or nothing (bots, roots, joins). */
export function classifyMessage(event: SlackMessageEvent, botUserId?: string): SlackMessageAction {
  if (event.subtype === 'message_changed' && event.message) {
    const m = event.message;
    if (m.bot_id || (botUserId && m.user === botUserId) || !m.thread_ts || m.thread_ts === m.ts) return { kind: 'ignore' };
    return { kind: 'edit', channel: event.channel, ts: m.ts, text: m.text ?? '', user: m.user, threadTs: m.thread_ts };
  }
  if (event.subtype === 'message_deleted') {
    const ts = event.deleted_ts ?? event.previous_message?.ts;
    return ts ? { kind: 'delete', channel: event.channel, ts } : { kind: 'ignore' };
  }
  if (event.subtype && event.subtype !== 'thread_broadcast' && event.subtype !== 'file_share') return { kind: 'ignore' };
  if (event.bot_id || !event.user || (botUserId && event.user === botUserId)) return { kind: 'ignore' };
  if (!event.thread_ts || event.thread_ts === event.ts) return { kind: 'ignore' };
  return { kind: 'reply', channel: event.channel, user: event.user, text: event.text ?? '', ts: event.ts, threadTs: event.thread_ts };
}
