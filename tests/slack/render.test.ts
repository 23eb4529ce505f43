import { describe, expect, it } from 'vitest';
import { card, fields, list, text } from '../../src/core/message.ts';
import { splitText } from '../../src/core/split-text.ts';
import { slackConfig } from '../../src/platforms/slack/config.ts';
import { classifyMessage, neutralCommandText, plainMessageText } from '../../src/platforms/slack/parse.ts';
import { LIMITS, renderMessages, toMrkdwn } from '../../src/platforms/slack/render.ts';

describe('Slack rendering', () => {
  it('converts the neutral Markdown to mrkdwn', () => {
    expect(toMrkdwn('**Strong** and *subtle* with `code`')).toBe('*Strong* and _subtle_ with `code`');
    expect(toMrkdwn('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
  });

  it('splits long text within the section limit and long cards within the block limit', () => {
    const long = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} explains one more detail of the answer.`).join(' ');
    expect(splitText(long, LIMITS.section).every((p) => p.length <= LIMITS.section)).toBe(true);
    const huge = card('A very long reveal', [
      ...Array.from({ length: 60 }, (_, i) => text(`Paragraph ${i}: ${long.slice(0, 500)}`)),
      list(
        Array.from({ length: 200 }, (_, i) => `point ${i} ${'x'.repeat(40)}`),
        '**Points**',
      ),
      fields(Array.from({ length: 14 }, (_, i) => ({ label: `F${i}`, value: 'v' }))),
    ]);
    const messages = renderMessages(huge);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
      for (const b of m.blocks as { text?: { text: string }; fields?: unknown[] }[]) {
        expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.section);
        expect(b.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
      }
      expect(m.text.length).toBeLessThanOrEqual(LIMITS.text);
    }
  });
});

describe('Slack events and commands', () => {
  it('turns escaped mentions into neutral member ids', () => {
    expect(neutralCommandText('streak <@U123ABC|ann>', 'T1')).toBe('/mlq streak <@slack:T1:U123ABC>');
    expect(plainMessageText('see <https://x.io|docs> &amp; <@U1|bo>')).toBe('see docs (https://x.io) & @bo');
  });

  it('classifies thread replies, edits and deletions, and ignores bots, roots and joins', () => {
    const base = { type: 'message' as const, channel: 'C1', ts: '2.0' };
    expect(classifyMessage({ ...base, user: 'U1', text: 'hi', thread_ts: '1.0' }).kind).toBe('reply');
    expect(classifyMessage({ ...base, user: 'U1', text: 'root' }).kind).toBe('ignore');
    const im = { ...base, channel: 'D1', channel_type: 'im' };
    expect(classifyMessage({ ...im, user: 'U1', text: 'in a DM' })).toEqual({
      kind: 'direct',
      channel: 'D1',
      user: 'U1',
      text: 'in a DM',
      ts: '2.0',
    });
    expect(classifyMessage({ ...im, user: 'U1', text: 'in a DM thread', thread_ts: '1.0' }).kind).toBe('direct');
    expect(classifyMessage({ ...im, user: 'UBOT', text: 'me' }, 'UBOT').kind).toBe('ignore');
    expect(classifyMessage({ ...im, bot_id: 'B1', text: 'bot' }).kind).toBe('ignore');
    expect(classifyMessage({ ...im, subtype: 'channel_join', user: 'U1' }).kind).toBe('ignore');
    expect(classifyMessage({ ...base, bot_id: 'B1', text: 'bot', thread_ts: '1.0' }).kind).toBe('ignore');
    expect(classifyMessage({ ...base, user: 'UBOT', text: 'me', thread_ts: '1.0' }, 'UBOT').kind).toBe('ignore');
    expect(classifyMessage({ ...base, subtype: 'channel_join', user: 'U1', thread_ts: '1.0' }).kind).toBe('ignore');
    expect(
      classifyMessage({ ...base, subtype: 'message_changed', message: { user: 'U1', text: 'new', ts: '1.5', thread_ts: '1.0' } }),
    ).toEqual({
      kind: 'edit',
      channel: 'C1',
      ts: '1.5',
      text: 'new',
      user: 'U1',
      threadTs: '1.0',
    });
    expect(classifyMessage({ ...base, subtype: 'message_deleted', deleted_ts: '1.5' })).toEqual({
      kind: 'delete',
      channel: 'C1',
      ts: '1.5',
    });
  });
});

describe('Slack settings', () => {
  it('is off when nothing is set, and names a malformed setting in one sentence', () => {
    expect(slackConfig({})).toEqual({ ok: true, value: null });
    const bad = slackConfig({ SLACK_BOT_TOKEN: 'xoxb-1234-5678-abcdef', SLACK_APP_TOKEN: 'xoxb-1234-5678-abcdef' });
    expect(!bad.ok && bad.message).toBe(
      'SLACK_APP_TOKEN is a bot token (xoxb-…), not an app-level token (xapp-…) (got "xoxb-…", 21 characters); generate one with the ' +
        'connections:write scope under Basic Information → App-Level Tokens; for example SLACK_APP_TOKEN=xapp-1-A0123-4567-abcdef.',
    );
    const neither = slackConfig({ SLACK_BOT_TOKEN: 'xoxb-1234-5678-abcdef' });
    expect(!neither.ok && neither.message).toMatch(/^SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET \(HTTP mode\) is needed/);
    const http = slackConfig({
      SLACK_BOT_TOKEN: 'xoxb-1234-5678-abcdef',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(http.ok && http.value).toEqual({
      botToken: 'xoxb-1234-5678-abcdef',
      mode: 'http',
      signingSecret: 'abcdef0123456789abcdef',
      apiUrl: 'http://127.0.0.1:9/api/',
      appToken: undefined,
    });
  });
});
