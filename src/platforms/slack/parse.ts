import { idCodec } from '../ids.ts';

/** mlq's opaque ids for Slack: `slack:TEAM:CHANNEL[:ts]`, members `slack:TEAM:USER`. */
export const ids = idCodec('slack');

/** Slash-command text with Slack's escaped mentions (`<@U123|ann>`) turned into the core's neutral `<@member-id>`. */
export function neutralCommandText(text: string, team: string): string {
  return `/mlq ${text}`.replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, user: string) => `<@${ids.member(team, user)}>`);
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
  /** `im` in a direct message with the bot (the `message.im` event). */
  channel_type?: string;
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
  | { kind: 'direct'; channel: string; user: string; text: string; ts: string }
  | { kind: 'edit'; channel: string; ts: string; text: string; user?: string; threadTs: string }
  | { kind: 'delete'; channel: string; ts: string }
  | { kind: 'ignore' };

/** What a message event means for mlq: a thread reply, a direct message, an edit, a deletion, or nothing (bots, roots, joins). */
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
  if (event.channel_type === 'im')
    return { kind: 'direct', channel: event.channel, user: event.user, text: event.text ?? '', ts: event.ts };
  if (!event.thread_ts || event.thread_ts === event.ts) return { kind: 'ignore' };
  return { kind: 'reply', channel: event.channel, user: event.user, text: event.text ?? '', ts: event.ts, threadTs: event.thread_ts };
}

/** The parts of a `view_submission` payload mlq reads. */
export interface SubmittedView {
  callback_id: string;
  private_metadata?: string;
  state: { values: Record<string, Record<string, { value?: string | null; selected_options?: { value: string }[] | null }>> };
}

/** A submitted modal as the core's form event parts: the form id, its carried value and channel, and each field's text (ticked checkboxes joined by commas). */
export function formSubmission(view: SubmittedView) {
  const meta = JSON.parse(view.private_metadata || '{}') as { value?: string; channel?: string };
  const fields: Record<string, string> = {};
  for (const [block, inputs] of Object.entries(view.state.values)) {
    const input = Object.values(inputs)[0];
    fields[block] = input?.selected_options ? input.selected_options.map((o) => o.value).join(',') : (input?.value ?? '');
  }
  return { form: view.callback_id, value: meta.value ?? '', channel: meta.channel ?? '', fields };
}
