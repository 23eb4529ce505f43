import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chartMaker } from '../../src/charts/chart-maker.ts';
import { createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackHarness;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ANSWER = 'Bias is systematic error from wrong assumptions; variance is sensitivity to the particular training sample.';

// ECharts loads on the first chart (about 0.4 s, far more on a busy machine): loaded once here, outside the requests.
beforeAll(async () => void (await chartMaker.render({ kind: 'heatmap', who: 'warm-up', today: '2026-11-23', counts: {} })));

beforeEach(async () => {
  h = await createSlackHarness(new Date('2026-11-23T08:00:00Z'));
  h.slack.admins.add('UADMIN');
  h.deps.charts = chartMaker;
});
afterEach(async () => {
  await h.close();
});

/** Subscribes C1 (the question is posted at once), U1 answers in the thread, the admin reveals. */
async function answeredRound() {
  await h.command('UADMIN', 'start');
  const post = await waitFor(() => h.slack.of('chat.postMessage')[0]);
  const root = String(post.result!.ts);
  await h.event({
    type: 'message',
    channel: 'C1',
    user: 'U1',
    text: ANSWER,
    ts: '1795510900.000001',
    thread_ts: root,
    channel_type: 'channel',
  });
  await waitFor(() => h.slack.of('reactions.add').length === 1);
  await h.command('UADMIN', 'reveal');
}

describe('charts in Slack', () => {
  it('/mlq stats answers privately and uploads the charts into the member’s direct message', async () => {
    await answeredRound();
    const { reply } = await h.command('U1', 'stats');
    expect(reply?.response_type).toBe('ephemeral');
    const notes = h.slack.responses.map((r) => r.body.text);
    expect(notes).toContain('Your charts are in your direct messages with mlq.');
    expect(h.slack.conversationOf('U1')).toBe('DU1');
    expect(h.slack.files.map((f) => [f.channel, f.thread_ts, f.filename, f.alt])).toEqual([
      [
        'DU1',
        undefined,
        'mlq-activity-2026-11-23.png',
        'Activity heatmap of u1-name from 2026-06-01 to 2026-11-23: 1 answer on 1 day, the busiest 2026-11-23 with 1 answer.',
      ],
      [
        'DU1',
        undefined,
        'mlq-points-2026-11-23.png',
        'Points of u1-name against the group median over 12 periods: 10 at 23 Nov against a median of 10, level with it.',
      ],
    ]);
    for (const file of h.slack.files) expect([...file.bytes.subarray(0, 8)]).toEqual(PNG);
  });

  it('sends the alt text instead when the upload is refused, after the text reply', async () => {
    await answeredRound();
    h.slack.inject('files.getUploadURLExternal', { status: 200, body: { ok: false, error: 'missing_scope' } });
    const { reply } = await h.command('U1', 'stats');
    expect(JSON.stringify(reply?.blocks)).toContain('Points');
    const last = String(h.slack.responses.at(-1)!.body.text);
    expect(last).toBe(
      'The charts could not be uploaded (does the app have `files:write`?). What they show:\n' +
        '• Activity heatmap of u1-name from 2026-06-01 to 2026-11-23: 1 answer on 1 day, the busiest 2026-11-23 with 1 answer.\n' +
        '• Points of u1-name against the group median over 12 periods: 10 at 23 Nov against a median of 10, level with it.',
    );
    expect(h.slack.files).toEqual([]);
  });

  it('the weekly digest’s group chart goes into the digest’s thread', async () => {
    await answeredRound();
    const channel = (await h.repo.getChannel('slack:T1:C1'))!;
    await h.repo.saveChannel({ ...channel, digestWeekday: 1, digestTime: '16:00', nextDigestAt: new Date('2026-11-23T16:00:00Z') });
    h.clock.set(new Date('2026-11-23T16:00:30Z'));
    expect(await h.mlq.tick()).toMatchObject({ digests: 1 });
    const digest = h.slack
      .of('chat.postMessage')
      .find((c) => (c.params.metadata as { event_payload?: { key?: string } })?.event_payload?.key?.startsWith('mlq-digest-'))!;
    expect(h.slack.files.map((f) => [f.channel, f.thread_ts, f.filename])).toEqual([
      ['C1', digest.result!.ts, 'mlq-digest-2026-11-23.png'],
    ]);
    expect(h.slack.files[0]!.alt).toMatch(
      /^Answers in #ml-study, week of 23 Nov: 1 round with 1 answer, the most on Mon 23 \(1\); most answered category .+ \(1 of 1\)\.$/,
    );
    expect([...h.slack.files[0]!.bytes.subarray(0, 8)]).toEqual(PNG);
  });
});
