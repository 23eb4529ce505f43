import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSealedAnswer } from '../../src/core/answers.ts';
import { command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';

const CH = 'test:T1:C1';
const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const bob = member('bob');
let h: Harness;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  await command(h, CH, admin, '/mlq start');
});
afterEach(async () => {
  await h.close();
});

/** An answer above the bar of 12 words. */
const ANSWER = 'Bias is the error from wrong assumptions; variance is the error from sensitivity to the sample.';
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
/** Text of exactly `n` characters made of distinct words, so only its length decides whether it counts. */
const long = (n: number) => words(3_000).slice(0, n);

const ledger = () => h.database.store.db.selectFrom('ledger').select(['key', 'points']).orderBy('key').execute();

describe('a skipped round takes no answers and no votes', () => {
  it('ignores a reply in the skipped round thread and a reaction on an answer given before the skip', async () => {
    const skipped = (await h.mlq.currentRound(CH))!;
    const a = await reply(h, CH, ada, `${ANSWER} (about to be skipped)`);
    expect(a.outcome).toBe('answer');
    await command(h, CH, admin, '/mlq skip');
    const late = { channelId: CH, communityId: 'test', threadId: skipped.threadId!, messageId: 'test:late', author: bob, text: 'late' };
    expect(await h.mlq.threadMessage(late)).toBe('ignored');
    expect(await h.mlq.reaction({ channelId: CH, communityId: 'test', messageId: a.messageId, member: bob })).toBe(false);
    const votes = await h.database.store.db.selectFrom('votes').selectAll().execute();
    expect(votes).toEqual([]);
  });
});

describe('after the reveal an answer stands as it was', () => {
  it('refuses to withdraw a deleted answer after the reveal, and ignores edits and deletions of unknown messages', async () => {
    const a = await reply(h, CH, ada, ANSWER);
    await command(h, CH, admin, '/mlq reveal');
    expect(await h.mlq.messageDeleted({ messageId: a.messageId })).toBe(false);
    expect(await h.mlq.messageDeleted({ messageId: 'test:unknown' })).toBe(false);
    expect(await h.mlq.messageEdited({ messageId: 'test:unknown', text: 'x' })).toBe(false);
    const rows = await h.database.store.db.selectFrom('answers').select(['text', 'withdrawn_at']).execute();
    expect(rows).toEqual([{ text: ANSWER, withdrawn_at: null }]);
    expect(await ledger()).toEqual([{ key: 'answer:1:test:ada', points: 10 }]);
  });
});

describe('the probe bonus after the reveal', () => {
  it('acknowledges an 8-word reply with the probe-bonus reaction, and a 7-word one with nothing', async () => {
    await command(h, CH, admin, '/mlq reveal');
    const reactsBefore = h.port.of('react').length;
    expect((await reply(h, CH, bob, 'one two three four five six seven')).outcome).toBe('discussion');
    expect(h.port.of('react')).toHaveLength(reactsBefore);
    const probe = await reply(h, CH, ada, 'one two three four five six seven eight');
    expect(probe.outcome).toBe('probe-reply');
    expect(
      h.port
        .of('react')
        .slice(reactsBefore)
        .map((r) => r.ack),
    ).toEqual(['probe-bonus']);
    expect(await ledger()).toEqual([{ key: 'probe_reply:1:test:ada', points: 5 }]);
    const week = await h.database.store.db.selectFrom('ledger').select('week').executeTakeFirstOrThrow();
    expect(week.week).toBe('2026-11-23');
  });
});

describe('a sealed answer', () => {
  it('is refused as empty when it holds only spaces and NUL characters, and stored without them otherwise', async () => {
    const round = (await h.mlq.currentRound(CH))!;
    const sealed = (text: string, submissionId: string) =>
      recordSealedAnswer(h.deps, { channelId: CH, communityId: 'test', roundId: round.id, author: ada, text, submissionId });
    expect(await sealed('  \u0000 \n ', 'test:form:1')).toBe('empty');
    expect(await sealed(` bias\u0000 first: ${ANSWER} `, 'test:form:2')).toBe('answer');
    const rows = await h.database.store.db.selectFrom('answers').select('text').execute();
    expect(rows).toEqual([{ text: `bias first: ${ANSWER}` }]);
  });
});

describe('limits on answers changed or given privately', () => {
  it('refuses an edit or a sealed answer of 10,001 characters and takes 10,000 whole', async () => {
    const a = await reply(h, CH, ada, ANSWER);
    expect(await h.mlq.messageEdited({ messageId: a.messageId, text: long(10_001) })).toBe(false);
    expect(await h.mlq.messageEdited({ messageId: a.messageId, text: long(10_000) })).toBe(true);
    const round = (await h.mlq.currentRound(CH))!;
    const sealed = (text: string, submissionId: string, who = bob) =>
      recordSealedAnswer(h.deps, { channelId: CH, communityId: 'test', roundId: round.id, author: who, text, submissionId });
    expect(await sealed(long(10_001), 'test:form:cut')).toBe('not-counted');
    expect(await sealed(long(10_000), 'test:form:whole', member('cy'))).toBe('answer');
    const rows = await h.database.store.db.selectFrom('answers').select(['member_id', 'text']).orderBy('member_id').execute();
    expect(rows.map((r) => [r.member_id, r.text.length])).toEqual([
      ['test:ada', 10_000],
      ['test:cy', 10_000],
    ]);
  });
});

describe('points wait for the reveal', () => {
  it('scores no vote before the reveal and no probe for a long reply at the reveal instant before the reveal ran', async () => {
    const a = await reply(h, CH, ada, ANSWER);
    expect(await h.mlq.reaction({ channelId: CH, communityId: 'test', messageId: a.messageId, member: bob })).toBe(true);
    expect(await ledger()).toEqual([]);
    h.clock.set(new Date('2026-11-23T14:00:00Z'));
    const late = await reply(h, CH, bob, 'one two three four five six seven eight nine');
    expect(late.outcome).toBe('discussion');
    expect(await ledger()).toEqual([]);
  });

  it('acknowledges the probe bonus once, not on a second long reply', async () => {
    await command(h, CH, admin, '/mlq reveal');
    const long = 'one two three four five six seven eight';
    expect((await reply(h, CH, ada, long)).outcome).toBe('probe-reply');
    expect((await reply(h, CH, ada, `${long} again`)).outcome).toBe('discussion');
    expect(h.port.of('react').filter((r) => r.ack === 'probe-bonus')).toHaveLength(1);
  });
});
