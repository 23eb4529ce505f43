import { afterEach, describe, expect, it } from 'vitest';
import { Ports } from '../src/core/port.ts';
import { startHttpServer } from '../src/http-server.ts';
import { createMetrics } from '../src/metrics.ts';
import { command, createHarness, type Harness, member, reply } from './helpers/harness.ts';
import { scrape, series } from './helpers/scrape.ts';

interface Setup {
  h: Harness;
  base: string;
  close(): Promise<void>;
}

let open: Setup | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** The harness's core on a real store, reporting to a real registry that a real server on 127.0.0.1 serves. */
async function setup(): Promise<Setup> {
  const h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  const metrics = createMetrics();
  h.deps.metrics = metrics;
  h.deps.ports = new Ports(metrics);
  h.deps.ports.register(h.port);
  const http = await startHttpServer({ port: 0, host: '127.0.0.1', healthy: () => h.database.store.ping(), metrics });
  open = {
    h,
    base: `http://127.0.0.1:${http.port}`,
    close: async () => {
      await http.close();
      await h.close();
    },
  };
  return open;
}

const C1 = 'test:c1';
const subscribe = (h: Harness, id = C1, nextPostAt = new Date('2026-11-23T09:00:00Z')) =>
  h.mlq.ensureChannel({ ...h.deps.defaults, id, communityId: 'test', name: id, nextPostAt });

/** A failure shaped as @slack/web-api throws it for `{ ok: false, error }`. */
const slackError = (code: string) =>
  Object.assign(new Error(`An API error occurred: ${code}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: code } });

describe('GET /metrics counts commands by name and outcome', () => {
  it('reads exactly 1 and 1 after a known and an unknown command', async () => {
    const { h, base } = await setup();
    await command(h, C1, member('alice'), '/mlq help');
    await command(h, C1, member('alice'), '/mlq frobnicate');
    const all = await scrape(base);
    expect(series(all, 'mlq_commands_total')).toEqual({
      'mlq_commands_total{command="help",outcome="ok"}': 1,
      'mlq_commands_total{command="unknown",outcome="bad-arguments"}': 1,
    });
    expect(all.get('mlq_command_duration_seconds_count{command="help"}')).toBe(1);
    expect(all.get('mlq_command_duration_seconds_count{command="unknown"}')).toBe(1);
  });

  it('labels aliases by their command, and tells refusals, bad arguments and failures apart', async () => {
    const { h, base } = await setup();
    await command(h, C1, member('alice'), '/mlq today');
    await subscribe(h);
    await command(h, C1, member('alice'), '/mlq lb');
    await command(h, C1, member('alice'), '/mlq away soon');
    await command(h, C1, member('alice'), '/mlq skip');
    h.port.isAdmin = async () => {
      throw slackError('ratelimited');
    };
    await command(h, C1, member('bob'), '/mlq skip');
    await command(h, C1, member('bob'), `/mlq ${'x'.repeat(3000)}`);
    expect(series(await scrape(base), 'mlq_commands_total')).toEqual({
      'mlq_commands_total{command="today",outcome="not-subscribed"}': 1,
      'mlq_commands_total{command="leaderboard",outcome="ok"}': 1,
      'mlq_commands_total{command="away",outcome="bad-arguments"}': 1,
      'mlq_commands_total{command="skip",outcome="not-allowed"}': 1,
      'mlq_commands_total{command="skip",outcome="error"}': 1,
      'mlq_commands_total{command="unknown",outcome="bad-arguments"}': 1,
    });
  });
});

describe('GET /metrics counts platform errors where the core calls the port', () => {
  it('counts a Slack-like failure under its code, and each further code under its own', async () => {
    const { h, base } = await setup();
    await subscribe(h);
    const discordLike = Object.assign(new Error('Missing Access'), { code: 50001, status: 403 });
    const failures: unknown[] = [slackError('msg_too_long'), discordLike, new Error('socket hang up')];
    h.port.beforePost = () => {
      const next = failures.shift();
      if (next) throw next;
    };
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    h.clock.set(new Date('2026-11-23T09:03:30Z'));
    await h.mlq.tick();
    h.clock.set(new Date('2026-11-23T09:08:30Z'));
    await h.mlq.tick();
    expect(series(await scrape(base), 'mlq_platform_errors_total')).toEqual({
      'mlq_platform_errors_total{platform="test",code="msg_too_long"}': 1,
      'mlq_platform_errors_total{platform="test",code="50001"}': 1,
      'mlq_platform_errors_total{platform="test",code="other"}': 1,
    });
    expect(series(await scrape(base), 'mlq_rounds_posted_total')).toEqual({});
  });

  it('counts nothing when every call succeeds', async () => {
    const { h, base } = await setup();
    await subscribe(h);
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    const all = await scrape(base);
    expect(series(all, 'mlq_platform_errors_total')).toEqual({});
    expect(series(all, 'mlq_rounds_posted_total')).toEqual({ 'mlq_rounds_posted_total{platform="test"}': 1 });
  });
});

describe('GET /metrics counts rounds and answers', () => {
  it('counts posts, reveals, answers counted and refused, and leaves discussion out', async () => {
    const { h, base } = await setup();
    await subscribe(h);
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    const round = (await h.mlq.currentRound(C1))!;
    const outcomes: Record<string, string> = {
      'Sealed: your answer is stored and counts. Everyone sees it at the reveal.': 'answer',
      'Sealed: your answer is stored.': 'duplicate',
      'This round is revealed already, so it takes no more answers.': 'closed',
      'You have answered this round already; later replies are discussion.': 'already-answered',
      'Write an answer first.': 'empty',
    };
    const sealed = async (who: string, text: string, id: string) => {
      const form = { form: 'mlq.sealed', value: String(round.id), fields: { answer: text }, submissionId: id };
      const reply = await h.mlq.submit({ channelId: C1, communityId: 'test', actor: member(who), ...form });
      return reply.kind === 'notice' || reply.kind === 'invalid' ? outcomes[reply.text] : reply.kind;
    };
    const answer = 'Bias is the error from wrong assumptions; variance is the error from sensitivity to the training data.';
    expect((await reply(h, C1, member('alice'), answer)).outcome).toBe('answer');
    expect((await reply(h, C1, member('alice'), 'And one more thought on that.')).outcome).toBe('discussion');
    expect(await sealed('alice', 'A second answer through the form.', 'view-1')).toBe('already-answered');
    expect(await sealed('bob', '   ', 'view-2')).toBe('empty');
    expect(
      await sealed(
        'carol',
        'Regularisation trades a little variance for some bias, which helps when the model overfits the data.',
        'view-3',
      ),
    ).toBe('answer');
    expect(
      await sealed(
        'carol',
        'Regularisation trades a little variance for some bias, which helps when the model overfits the data.',
        'view-3',
      ),
    ).toBe('duplicate');
    h.clock.set(new Date('2026-11-23T15:00:30Z'));
    await h.mlq.tick();
    expect(await sealed('dave', 'Too late for this one, I know.', 'view-4')).toBe('closed');
    const probe = await reply(h, C1, member('erin'), 'A probe reply of comfortably more than eight words in length here.');
    expect(probe.outcome).toBe('probe-reply');
    const all = await scrape(base);
    expect(series(all, 'mlq_rounds_posted_total')).toEqual({ 'mlq_rounds_posted_total{platform="test"}': 1 });
    expect(series(all, 'mlq_rounds_revealed_total')).toEqual({ 'mlq_rounds_revealed_total{platform="test"}': 1 });
    expect(series(all, 'mlq_answers_counted_total')).toEqual({
      'mlq_answers_counted_total{via="thread"}': 1,
      'mlq_answers_counted_total{via="form"}': 1,
    });
    expect(series(all, 'mlq_answers_refused_total')).toEqual({
      'mlq_answers_refused_total{reason="already-answered"}': 1,
      'mlq_answers_refused_total{reason="empty"}': 1,
      'mlq_answers_refused_total{reason="closed"}': 1,
    });
  });
});

describe('GET /metrics reports scheduler passes', () => {
  it('reads a lag of 90 s for a reveal due 90 s before the pass, and 0 when nothing is due', async () => {
    const { h, base } = await setup();
    await h.mlq.tick();
    expect((await scrape(base)).get('mlq_scheduler_lag_seconds')).toBe(0);
    await subscribe(h);
    h.clock.set(new Date('2026-11-23T09:00:00Z'));
    await h.mlq.tick();
    expect((await scrape(base)).get('mlq_scheduler_lag_seconds')).toBe(0);
    h.clock.set(new Date('2026-11-23T15:01:30Z'));
    expect((await h.mlq.tick()).revealed).toBe(1);
    const all = await scrape(base);
    expect(all.get('mlq_scheduler_lag_seconds')).toBe(90);
    expect(all.get('mlq_scheduler_pass_duration_seconds_count')).toBe(3);
    await h.mlq.tick();
    expect((await scrape(base)).get('mlq_scheduler_lag_seconds')).toBe(0);
  });

  it('takes the earliest due post of the pass: 150 s behind the older of two channels', async () => {
    const { h, base } = await setup();
    await subscribe(h, 'test:c1', new Date('2026-11-23T09:00:00Z'));
    await subscribe(h, 'test:c2', new Date('2026-11-23T08:57:30Z'));
    h.clock.set(new Date('2026-11-23T09:00:00Z'));
    expect((await h.mlq.tick()).posted).toBe(2);
    expect((await scrape(base)).get('mlq_scheduler_lag_seconds')).toBe(150);
  });

  it('times the pass with the injected monotonic timer, not the wall clock', async () => {
    const { h, base } = await setup();
    let monotonic = 1_000;
    h.deps.monotonic = () => monotonic;
    await subscribe(h);
    h.port.beforePost = () => {
      monotonic += 2_500;
    };
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    const all = await scrape(base);
    expect(all.get('mlq_scheduler_pass_duration_seconds_sum')).toBe(2.5);
    expect(all.get('mlq_scheduler_pass_duration_seconds_bucket{le="1"}')).toBe(0);
    expect(all.get('mlq_scheduler_pass_duration_seconds_bucket{le="2.5"}')).toBe(1);
  });
});

describe('the pass budget runs on the injected timer', () => {
  const twoDue = async (h: Harness) => {
    await subscribe(h, 'test:c1', new Date('2026-11-23T09:00:00Z'));
    await subscribe(h, 'test:c2', new Date('2026-11-23T09:00:00Z'));
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
  };

  it.each([
    [1_999, 2],
    [2_000, 2],
    [2_001, 1],
  ])('a first batch taking %i ms of a 2000 ms budget leaves the pass posting %i rounds', async (ms, posted) => {
    const { h } = await setup();
    let monotonic = 0;
    h.deps.monotonic = () => monotonic;
    await twoDue(h);
    h.port.beforePost = () => {
      monotonic += ms;
    };
    expect((await h.mlq.tick({ batch: 1, budgetMs: 2_000 })).posted).toBe(posted);
  });

  it('without a timer, a standing test clock never exhausts even a zero budget', async () => {
    const { h } = await setup();
    await twoDue(h);
    h.port.beforePost = () => new Promise((resolve) => setTimeout(resolve, 5));
    expect((await h.mlq.tick({ batch: 1, budgetMs: 0 })).posted).toBe(2);
  });
});
