import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishReveal, skipRound } from '../../src/core/rounds.ts';
import type { Member } from '../../src/core/types.ts';
import { addChannel } from '../helpers/channels.ts';
import { cardText, command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';
import { RecordingPort } from '../helpers/recording-port.ts';

const CH = 'test:T1:C1';
const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const bob = member('bob');
/** A reply that clears the default bar of 12 words, marked with `label`. */
const answer = (label: string) => `${label}: more data lowers variance, so an overfit model usually improves with it.`;

/** The recording platform that asks for each answerer's private recap at the reveal, as the terminal does. */
class RecapPort extends RecordingPort {
  readonly capabilities = { revealRecap: true };
}

let h: Harness;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

const db = () => h.database.store.db;
const vote = (messageId: string, who: Member) => h.mlq.reaction({ channelId: CH, communityId: 'test', messageId, member: who });

describe('the reveal', () => {
  it('counts at most five peer votes per answer, and tells each answerer their own points privately where asked', async () => {
    const port = new RecapPort();
    h.deps.ports.register(port);
    h.port = port;
    await command(h, CH, admin, '/mlq start');
    const a = await reply(h, CH, ada, answer('ada'));
    await reply(h, CH, bob, answer('bob'));
    for (const name of ['v1', 'v2', 'v3', 'v4', 'v5', 'v6']) expect(await vote(a.messageId, member(name))).toBe(true);
    await command(h, CH, admin, '/mlq reveal');
    const ledger = await db().selectFrom('ledger').select(['member_id', 'reason', 'points']).orderBy('member_id').orderBy('key').execute();
    expect(ledger).toEqual([
      { member_id: ada.id, reason: 'answer', points: 10 },
      ...Array.from({ length: 5 }, () => ({ member_id: ada.id, reason: 'peer_vote', points: 2 })),
      { member_id: bob.id, reason: 'answer', points: 10 },
    ]);
    const recaps = port.of('private').filter((s) => s.card!.title?.startsWith('Your answer'));
    expect(recaps.map((s) => [s.target, s.card!.title])).toEqual([
      [ada.id, 'Your answer · 20 points'],
      [bob.id, 'Your answer · 10 points'],
    ]);
    expect(cardText({ ...recaps[1]!.card!, fallback: '' })).toContain(answer('bob'));
  });

  it('sends no recap where the platform does not ask for it', async () => {
    await command(h, CH, admin, '/mlq start');
    await reply(h, CH, ada, answer('ada'));
    await command(h, CH, admin, '/mlq reveal');
    expect(h.port.of('private').filter((s) => s.card!.title?.startsWith('Your answer'))).toEqual([]);
  });
});

describe('a claimed reveal without its parts', () => {
  /** The channel's open round, claimed for its reveal as the scheduler claims it. */
  async function claimed() {
    await command(h, CH, admin, '/mlq start');
    await reply(h, CH, ada, answer('ada'));
    const round = (await h.mlq.currentRound(CH))!;
    const [claim] = await h.repo.claimReveals(h.clock.now(), 1, 60_000, round.id);
    return claim!;
  }
  const status = async (id: number) =>
    (await db().selectFrom('rounds').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const reveals = () => h.port.of('reply').filter((s) => s.key?.startsWith('mlq-reveal-'));

  it('is closed without a reveal, points or a root update when its channel is gone', async () => {
    const claim = await claimed();
    const updates = h.port.of('update').length;
    expect(await finishReveal(h.deps, { ...claim, channelId: 'test:T1:gone' })).toEqual({ ...claim, channelId: 'test:T1:gone' });
    expect(await status(claim.id)).toBe('revealed');
    expect([reveals(), h.port.of('update').length, await db().selectFrom('ledger').selectAll().execute()]).toEqual([[], updates, []]);
  });

  it('is closed without a reveal when it has no number in the channel', async () => {
    const claim = await claimed();
    expect((await finishReveal(h.deps, { ...claim, seq: null })).status).toBe('revealing');
    expect(await status(claim.id)).toBe('revealed');
    expect(reveals()).toEqual([]);
    expect(await db().selectFrom('ledger').selectAll().execute()).toEqual([]);
  });

  it('is revealed without touching a root message that was never posted', async () => {
    const claim = await claimed();
    const updates = h.port.of('update').length;
    expect((await finishReveal(h.deps, { ...claim, messageId: null, threadId: null })).status).toBe('revealed');
    expect(h.port.of('update')).toHaveLength(updates);
    expect(await status(claim.id)).toBe('revealed');
  });

  it('is revealed with points but no thread reply when the round has no thread', async () => {
    const claim = await claimed();
    const revealed = await finishReveal(h.deps, { ...claim, threadId: null });
    expect([revealed.status, revealed.answerCount]).toEqual(['revealed', 1]);
    expect(reveals()).toEqual([]);
    expect(h.port.of('private').filter((s) => s.card!.title?.startsWith('Grade yourself'))).toEqual([]);
    expect(await db().selectFrom('ledger').select(['member_id', 'points']).execute()).toEqual([{ member_id: ada.id, points: 10 }]);
    expect(h.port.of('update').at(-1)!.card!.title).toMatch(/revealed$/);
  });
});

describe('skipping a round', () => {
  it('does nothing to a round that is revealed already', async () => {
    await command(h, CH, admin, '/mlq start');
    await command(h, CH, admin, '/mlq reveal');
    const round = (await h.repo.getRound((await h.mlq.currentRound(CH))!.id))!;
    const channel = (await h.repo.getChannel(CH))!;
    const sent = h.port.sent.length;
    expect(await skipRound(h.deps, channel, round)).toBeNull();
    expect(h.port.sent.length).toBe(sent);
  });

  it('posts the fresh question without touching a root that was never posted', async () => {
    await command(h, CH, admin, '/mlq start');
    const round = (await h.mlq.currentRound(CH))!;
    const channel = (await h.repo.getChannel(CH))!;
    const outcome = await skipRound(h.deps, channel, { ...round, messageId: null });
    expect(outcome).toMatchObject({ created: true, posted: true });
    expect(h.port.of('update')).toEqual([]);
    expect(h.port.of('post')).toHaveLength(2);
  });
});

describe('starting today', () => {
  it('reveals after the delay when started exactly at the planned reveal', async () => {
    const channel = await addChannel(h, 'test:T1:exact');
    h.clock.set(new Date('2026-11-23T15:00:00Z'));
    expect((await h.mlq.startToday(channel.id))!.revealAt.toISOString()).toBe('2026-11-23T21:00:00.000Z');
    expect((await h.repo.getChannel(channel.id))!.nextPostAt!.toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });
});

describe('posting a round', () => {
  it('holds its claim for two minutes while the platform takes the post, and lets it go once posted', async () => {
    const leases: string[] = [];
    h.port.beforePost = async (_channel, key) => {
      const id = Number(key!.replace('mlq-round-', ''));
      const row = await db().selectFrom('rounds').select('lease_until').where('id', '=', id).executeTakeFirstOrThrow();
      leases.push(row.lease_until!.toISOString());
    };
    await command(h, CH, admin, '/mlq start');
    expect(leases).toEqual(['2026-11-23T08:02:00.000Z']);
    const row = await db().selectFrom('rounds').select(['lease_until', 'status']).executeTakeFirstOrThrow();
    expect(row).toEqual({ lease_until: null, status: 'posted' });
  });
});
