import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_WORKSPACE } from '../../src/platforms/slack/paced-posts.ts';
import { everyDayChannel } from '../helpers/channels.ts';
import { SlackLimits, sustainedRate } from '../helpers/fake-limits.ts';
import { createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';

const CHANNELS = 50;

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a Slack workspace fan-out at the workspace limit, through the Bolt web client against the fake with its limits on', () => {
  // How close to the workspace's rate it posts is a timing, measured by the bench (pace part, target ≥ 0.9), not asserted here.
  it('posts every channel once, with no 429, never above the workspace rate', async () => {
    h = await createSlackHarness(undefined, { pace: {} });
    const due = new Date(h.clock.now().getTime() - 60_000);
    await h.repo.upsertCommunity('slack:T1', 'slack', 'ML study');
    for (let i = 0; i < CHANNELS; i++) {
      await h.repo.saveChannel(everyDayChannel(`slack:T1:C${1000 + i}`, 'slack:T1', `c${i}`, due));
    }
    h.slack.limits = new SlackLimits();
    const report = await h.mlq.tick({ concurrency: 16 });
    expect(report.posted).toBe(CHANNELS);

    const limits = h.slack.limits;
    expect(limits.refused).toEqual([]);
    const posts = h.slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(CHANNELS);
    expect(new Set(posts.map((p) => p.params.channel)).size).toBe(CHANNELS);
    expect(limits.busiest(SLACK_WORKSPACE.windowMs)).toBeLessThanOrEqual(SLACK_WORKSPACE.limit);
    const ratio = sustainedRate(limits.admitted, SLACK_WORKSPACE.limit, 'median') / (SLACK_WORKSPACE.limit / SLACK_WORKSPACE.windowMs);
    expect(ratio).toBeLessThanOrEqual(1);
  }, 60_000);
});
