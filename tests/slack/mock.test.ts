import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import { Ports } from '../../src/core/port.ts';
import { startHttpServer } from '../../src/http-server.ts';
import { SlackPlatform } from '../../src/platforms/slack/platform.ts';
import { sendSigned } from '../helpers/fake-slack.ts';
import { blockText, createSlackHarness, SECRET, type SlackHarness, TEST_PACE } from '../helpers/slack-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackHarness;
let second: { url: string; close(): Promise<void> } | null = null;

beforeEach(async () => {
  h = await createSlackHarness(new Date('2026-11-23T08:00:00Z'));
});
afterEach(async () => {
  await second?.close();
  second = null;
  await h.close();
});

const inDm = () => h.slack.of('chat.postMessage').filter((c) => c.params.channel === 'DU1');
const dmText = () => inDm().map((c) => blockText(c.params.blocks));
let ts = 1_700_000_200;
const dmEvent = (text: string, at = `${++ts}.000001`) => ({
  type: 'message',
  channel: 'DU1',
  channel_type: 'im',
  user: 'U1',
  text,
  ts: at,
});
const doneIn = (channel: string, value: string, user = 'U1') => ({
  type: 'block_actions',
  user: { id: user },
  channel: { id: channel },
  trigger_id: `trig-${value}`,
  actions: [{ action_id: 'mock.done', value, type: 'button' }],
});

/** A second app instance (a restarted replica) over the same database and fake Slack, with its own HTTP route. */
async function restartedApp(): Promise<string> {
  const platform = new SlackPlatform(
    { botToken: 'xoxb-test-token-1234', mode: 'http', signingSecret: SECRET, apiUrl: h.slack.apiUrl },
    h.deps.logger,
    { pace: TEST_PACE },
  );
  const ports = new Ports();
  ports.register(platform.port);
  platform.attach(new Mlq({ ...h.deps, ports }));
  await platform.start();
  const http = await startHttpServer({ port: 0, host: '127.0.0.1', healthy: async () => true, handlers: platform.routes });
  second = { url: `http://127.0.0.1:${http.port}/slack/events`, close: () => http.close() };
  return second.url;
}

const eventTo = (url: string, event: Record<string, unknown>) =>
  sendSigned(
    url,
    SECRET,
    JSON.stringify({
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `Ev${event.ts}`,
      event_time: 1,
      event,
    }),
    'application/json',
  );

describe('a mock interview in Slack', () => {
  it('opens a DM, takes message.im answers and Done presses (a replay counted once), and goes on after a restart', async () => {
    const started = await h.command('U1', 'mock statistics');
    expect(started.reply?.response_type).toBe('ephemeral');
    expect(blockText(started.reply?.blocks)).toContain('waiting in your direct messages with me');
    expect(h.slack.of('conversations.open').map((c) => c.params.users)).toEqual(['U1']);
    expect(dmText()[0]).toContain('Mock interview');
    expect(dmText()[1]).toContain('"action_id":"mock.done","value":"1:0"');

    const answer = dmEvent('Bias is systematic error & variance is spread.');
    await h.event(answer);
    await h.event(answer);
    await h.event({ ...dmEvent('from a bot'), user: undefined, bot_id: 'B9' });
    const session = (await h.repo.openMockSession('slack:T1:U1'))!;
    expect(session.state.answers[0]!.map((m) => m.text)).toEqual(['Bias is systematic error & variance is spread.']);

    await h.interact(doneIn('DU1', '1:0'));
    await h.interact(doneIn('DU1', '1:0'));
    await waitFor(() => dmText().some((t) => t.includes('Probe 1 of')));
    expect(dmText().filter((t) => t.includes('Probe 1 of'))).toHaveLength(1);
    expect(dmText().at(-1)).toContain('"action_id":"mock.done","value":"1:1"');

    const url = await restartedApp();
    const steps = session.state.steps;
    for (let step = 1; step < steps; step++) {
      await eventTo(url, dmEvent(`Probe ${step} reply.`));
      await waitFor(async () => (await h.repo.mockSession(1))!.state.answers[step]!.length === 1);
      const before = inDm().length;
      await eventTo(url, dmEvent('done'));
      await waitFor(() => inDm().length > before);
    }
    await waitFor(() => dmText().some((t) => t.includes('Grade yourself')));
    const summary = dmText().join('\n');
    expect(summary).toContain('Bias is systematic error &amp; variance is spread.');
    expect(summary).toContain('*A strong answer*');
    expect(summary).toContain('"action_id":"grade.open","value":"m:1"');

    await eventTo(url, dmEvent('all'));
    await waitFor(() => dmText().some((t) => t.includes('Saved:')));
    const grades = await h.database.store.db.selectFrom('grades').select(['member_id', 'source', 'channel_id']).execute();
    expect(grades).toEqual([{ member_id: 'slack:T1:U1', source: 'mock', channel_id: 'slack:T1:C1' }]);
  });

  it('offers to resume or start over with buttons on a second /mlq mock', async () => {
    await h.command('U1', 'mock');
    const again = await h.command('U1', 'mock');
    const text = blockText(again.reply?.blocks);
    expect(text).toContain('You have a mock interview open');
    expect(text).toContain('"action_id":"mock.resume","value":"1"');
    expect(text).toContain('"action_id":"mock.restart","value":"1:"');
    expect(h.slack.of('conversations.open')).toHaveLength(1);
  });

  it('clips long answers and keeps the summary within Block Kit limits, even with text that grows when escaped', async () => {
    await h.command('U1', 'mock');
    const steps = (await h.repo.openMockSession('slack:T1:U1'))!.state.steps;
    for (let step = 0; step < steps; step++) {
      for (let i = 0; i < 3; i++) await h.event(dmEvent(`${'<&>'.repeat(700)} step ${step}`));
      await h.event(dmEvent('done'));
    }
    await waitFor(() => dmText().some((t) => t.includes('Grade yourself')));
    const refused = h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.result?.ok !== true);
    expect(refused).toEqual([]);
    const kept = (await h.repo.mockSession(1))!.state.answers[0]!.map((m) => m.text.length);
    expect(kept).toEqual([2000, 2000, 2000]);
  });

  it('explains, and keeps nothing open, when the app lacks im:write', async () => {
    h.slack.inject('conversations.open', { status: 200, body: { ok: false, error: 'missing_scope', needed: 'im:write' } });
    const started = await h.command('U1', 'mock');
    expect(blockText(started.reply?.blocks)).toContain('I could not open a private conversation with you here');
    expect(h.logs.some((l) => String(l.msg).includes('im:write'))).toBe(true);
    expect(await h.repo.openMockSession('slack:T1:U1')).toBeNull();
  });

  it('expires an idle session with a note in the DM, by the fixed clock', async () => {
    await h.command('U1', 'mock');
    await h.event(dmEvent('An answer.'));
    h.clock.advance(60 * 60_000);
    await h.mlq.tick();
    expect(dmText().join()).not.toContain('expired');
    h.clock.advance(1);
    await h.mlq.tick();
    await h.mlq.tick();
    expect(dmText().filter((t) => t.includes('This mock interview expired after 60 minutes without a message.'))).toHaveLength(1);
    await h.event(dmEvent('Too late.'));
    expect((await h.repo.mockSession(1))!.status).toBe('expired');
    expect((await h.repo.mockSession(1))!.state.answers[0]!.map((m) => m.text)).toEqual(['An answer.']);
  });
});
