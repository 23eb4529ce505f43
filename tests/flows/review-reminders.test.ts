import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import { cardText, command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';

const CH = 'test:T1:C1';
const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const bob = member('bob');
const ANSWER = 'My answer: more data lowers variance, so an overfit model usually improves with it, and regularise too.';

let h: Harness;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

const say = async (who: typeof ada, text: string) => cardText((await command(h, CH, who, text)).card);
const reminders = () => h.port.of('private').filter((s) => s.card!.title === 'Time to review');

/** A revealed round that ada and bob answered and graded with nothing ticked at 16:00 UTC: both cards due a day later. */
async function gradedRound() {
  await command(h, CH, admin, '/mlq start');
  await reply(h, CH, ada, ANSWER);
  await reply(h, CH, bob, `Bob: ${ANSWER}`);
  h.clock.set(new Date('2026-11-23T15:00:00Z'));
  await command(h, CH, admin, '/mlq reveal');
  h.clock.set(new Date('2026-11-23T16:00:00Z'));
  expect(await say(ada, '/mlq grade none')).toContain('Next review of this question: Tue 24 Nov 16:00 (UTC).');
  expect(await say(bob, '/mlq grade 1')).toContain('Saved: 1 of');
  return (await h.mlq.currentRound(CH))!;
}

async function tickAt(iso: string) {
  h.clock.set(new Date(iso));
  return h.mlq.tick();
}

describe('review reminders', () => {
  it('come in the member’s own time zone, only when cards are due, once across replicas, and not while away', async () => {
    await gradedRound();
    expect(await say(ada, '/mlq review remind 08:00 Asia/Tokyo')).toContain(
      'Review reminder set for 08:00 (Asia/Tokyo) every day, the first Tue 24 Nov 08:00 (Asia/Tokyo).',
    );
    expect(await say(bob, '/mlq review remind 5pm')).toContain('the first Mon 23 Nov 17:00 (UTC)');
    expect(await say(bob, '/mlq away 3')).toContain('Away until 2026-11-25');

    expect((await tickAt('2026-11-23T22:59:00Z')).reminders).toBe(0);
    expect((await tickAt('2026-11-23T23:00:00Z')).reminders).toBe(0);
    const next = await h.database.store.db.selectFrom('review_reminders').select(['member_id', 'next_at']).orderBy('member_id').execute();
    expect(next).toEqual([
      { member_id: 'test:ada', next_at: new Date('2026-11-24T23:00:00Z') },
      { member_id: 'test:bob', next_at: new Date('2026-11-24T17:00:00Z') },
    ]);

    expect((await tickAt('2026-11-24T17:00:00Z')).reminders).toBe(0);
    expect(reminders()).toEqual([]);

    h.clock.set(new Date('2026-11-24T23:00:00Z'));
    const replica = new Mlq(h.deps);
    const passes = await Promise.all([h.mlq.tick(), replica.tick(), h.mlq.tick()]);
    expect(passes.reduce((n, p) => n + p.reminders, 0)).toBe(1);
    expect(reminders().map((s) => s.target)).toEqual(['test:ada']);
    expect(cardText(reminders()[0]!.card!)).toContain('1 question is due for review.');
    expect(reminders()[0]!.card!.blocks[1]).toEqual({
      type: 'buttons',
      buttons: [{ label: 'Start reviewing', action: 'review.next', value: '', command: '/mlq review', style: 'primary' }],
    });

    expect((await tickAt('2026-11-25T17:00:00Z')).reminders).toBe(0);
    expect((await tickAt('2026-11-25T23:00:00Z')).reminders).toBe(1);
    expect((await tickAt('2026-11-26T17:00:00Z')).reminders).toBe(1);
    expect(reminders().map((s) => s.target)).toEqual(['test:ada', 'test:ada', 'test:bob']);

    expect(await say(ada, '/mlq review remind off')).toBe('\nReview reminders are off.\nReview reminders are off.');
    expect((await tickAt('2026-11-26T23:00:00Z')).reminders).toBe(0);
  });

  it('answers a wrong time or zone with a short hint', async () => {
    expect(await say(ada, '/mlq review remind')).toContain('Give a time, such as `/mlq review remind 08:00`');
    expect(await say(ada, '/mlq review remind 25:00')).toContain('`25:00` is not a time');
    expect(await say(ada, '/mlq review remind 08:00 Mars/Base')).toContain('`Mars/Base` is not a time zone');
    expect(await say(ada, '/mlq review nonsense')).toContain('`nonsense` is not a review action');
    expect(await h.database.store.db.selectFrom('review_reminders').selectAll().execute()).toEqual([]);
  });
});

describe('the weekly digest', () => {
  it('names the key point the group ticked least this week, with its question', async () => {
    const round = await gradedRound();
    const question = (await h.repo.getQuestion(round.questionId))!;
    await command(h, CH, admin, '/mlq config digest fri 16:00');
    expect((await tickAt('2026-11-27T16:00:00Z')).digests).toBe(1);
    const digest = h.port.of('post').at(-1)!.card!;
    expect(cardText(digest)).toContain(
      `To study: the key point the group ticked least when grading themselves (0 of 2): “${question.key_points[1]}”, from “${question.prompt}”`,
    );
  });
});
