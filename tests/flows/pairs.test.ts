import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Card } from '../../src/core/message.ts';
import type { Member } from '../../src/core/types.ts';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';

const CH = 'test:T1:C1';
const admin = { id: 'test:admin', name: 'admin' };
const [ada, bob, cyd, dee, eve] = ['ada', 'bob', 'cyd', 'dee', 'eve'].map(member) as [Member, Member, Member, Member, Member];

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

const say = async (who: Member, text: string) => cardText((await command(h, CH, who, text)).card).replace(/\s+/g, ' ');
const act = (who: Member, action: string, value: string) => h.mlq.action({ channelId: CH, communityId: 'test', actor: who, action, value });
const shown = (r: InteractionReply): string =>
  r.kind === 'card'
    ? cardText({ ...r.card, fallback: '' })
        .replace(/\s+/g, ' ')
        .trim()
    : r.kind === 'notice'
      ? r.text
      : r.kind;
const buttonsOf = (card: Card) => card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
const db = () => h.database.store.db;
const spaces = () =>
  h.port
    .of('space')
    .map((s) => s.members!.join(' '))
    .sort();
const repliesIn = (space: string) => h.port.of('reply').filter((s) => s.target === space);
const spaceOf = (...ids: string[]) => h.port.of('space').find((s) => s.members!.join() === [...ids].sort().join())!.messageId!;
const pairLedger = () =>
  db().selectFrom('ledger').select(['member_id', 'points', 'round_id']).where('reason', '=', 'pair_meeting').orderBy('member_id').execute();

/** Subscribes the channel, sets pairs on Mondays at 09:00, and opts five members in: two in Tokyo, three in New York. */
async function fiveMembers(): Promise<void> {
  await command(h, CH, admin, '/mlq start');
  expect(await say(admin, '/mlq config pairs mon 09:00')).toContain('Saved: pairs is now Mon 09:00 weekly');
  for (const who of [ada, bob])
    expect(await say(who, '/mlq pairs join mid Asia/Tokyo')).toContain('You are in the mock-interview pairs as mid (Asia/Tokyo)');
  for (const who of [cyd, dee, eve]) await command(h, CH, who, '/mlq pairs join America/New_York');
}

describe('/mlq config pairs', () => {
  it('sets a weekly or two-weekly cycle in the channel zone, refuses a wrong one with the format, and turns it off', async () => {
    await command(h, CH, admin, '/mlq start');
    expect(await say(admin, '/mlq config pairs tue 18:30 biweekly')).toContain('pairs is now Tue 18:30 every two weeks');
    expect((await h.repo.getChannel(CH))!.nextPairsAt).toEqual(new Date('2026-11-24T18:30:00Z'));
    expect(await say(admin, '/mlq config pairs someday')).toContain(
      '`someday` is not a pairs cycle; write it like mon 09:00, mon 09:00 biweekly, or off',
    );
    expect(await say(admin, '/mlq config pairs mon 25:00')).toContain('is not a pairs cycle');
    expect(await say(ada, '/mlq config pairs mon 09:00')).toContain("is for the channel's organisers");
    expect(await say(admin, '/mlq config pairs off')).toContain('pairs is now off');
    expect((await h.repo.getChannel(CH))!.nextPairsAt).toBeNull();
  });

  it('dates a cycle by the channel zone where its local date differs from UTC (Monday 09:00 in Auckland is Sunday in UTC)', async () => {
    await command(h, CH, admin, '/mlq start');
    await command(h, CH, admin, '/mlq config timezone Pacific/Auckland');
    await command(h, CH, admin, '/mlq config pairs mon 09:00');
    expect((await h.repo.getChannel(CH))!.nextPairsAt).toEqual(new Date('2026-11-29T20:00:00Z'));
    for (const who of [ada, bob]) await command(h, CH, who, '/mlq pairs join');
    h.clock.set(new Date('2026-11-29T19:59:00Z'));
    await h.mlq.tick();
    expect(spaces()).toEqual([]);
    h.clock.set(new Date('2026-11-29T20:00:30Z'));
    await h.mlq.tick();
    const cycles = await db().selectFrom('pair_cycles').select(['local_date']).execute();
    expect(cycles).toEqual([{ local_date: '2026-11-30' }]);
    expect(spaces()).toEqual(['test:ada', 'test:ada test:bob', 'test:bob']);
    expect((await h.repo.getChannel(CH))!.nextPairsAt).toEqual(new Date('2026-12-06T20:00:00Z'));
    expect(await say(ada, '/mlq pairs')).toContain('Your partner since 2026-11-30: bob.');
  });
});

describe('a whole pairing cycle', () => {
  it('makes a pair and a trio, posts roles, questions and private packs once, checks in, awards once, delivers feedback', async () => {
    await fiveMembers();
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    await h.mlq.tick();
    expect(spaces()).toEqual([
      'test:ada',
      'test:ada test:bob',
      'test:bob',
      'test:cyd',
      'test:cyd test:dee test:eve',
      'test:dee',
      'test:eve',
    ]);
    const pair = spaceOf(ada.id, bob.id);
    const trio = spaceOf(cyd.id, dee.id, eve.id);
    expect(repliesIn(pair)).toHaveLength(1);
    expect(repliesIn(trio)).toHaveLength(1);
    const intro = cardText(repliesIn(trio)[0]!.card!);
    expect(intro).toContain('Mock-interview trio · week of 2026-11-23');
    expect(intro).toMatch(/First, (cyd|dee|eve) interviews (cyd|dee|eve)/);
    expect(intro).toContain('A check-in follows on Thu 21:00 (UTC).');
    for (const who of [ada, bob, cyd, dee, eve]) {
      const packs = repliesIn(spaceOf(who.id));
      expect(packs).toHaveLength(1);
      expect(cardText(packs[0]!.card!)).toContain('Interviewer pack');
      expect(cardText(packs[0]!.card!)).toContain('Follow-up probes, with what a good reply covers');
    }
    const turns = await db().selectFrom('pair_turns').select(['interviewer', 'candidate', 'question_id']).execute();
    expect(turns).toHaveLength(5);
    expect(new Set(turns.map((t) => t.question_id)).size).toBe(5);
    expect(turns.map((t) => t.candidate).sort()).toEqual(['test:ada', 'test:bob', 'test:cyd', 'test:dee', 'test:eve']);

    const status = await say(bob, '/mlq pairs');
    expect(status).toContain('Your partner since 2026-11-23: ada.');
    expect(status).toContain('Next cycle: Mon 30 Nov 09:00 (UTC).');
    expect(await say(bob, '/mlq pairs pack')).toContain('You interview ada');

    h.clock.set(new Date('2026-11-26T20:59:00Z'));
    await h.mlq.tick();
    expect(repliesIn(pair)).toHaveLength(1);
    h.clock.set(new Date('2026-11-26T21:00:00Z'));
    await h.mlq.tick();
    await h.mlq.tick();
    expect(repliesIn(pair)).toHaveLength(2);
    expect(repliesIn(trio)).toHaveLength(2);
    const checkin = repliesIn(pair)[1]!.card!;
    expect(checkin.title).toBe('Did you meet?');
    const group = buttonsOf(checkin)[0]!.value;
    expect(buttonsOf(checkin).map((b) => b.action)).toEqual(['pairs.met', 'pairs.notyet', 'pairs.skip']);

    expect(shown(await act(cyd, 'pairs.met', group))).toBe('This check-in belongs to the members of that pair.');
    expect(shown(await act(ada, 'pairs.notyet', group))).toContain('No rush');
    expect(shown(await act(ada, 'pairs.met', group))).toContain('Noted. The points come once bob says yes too.');
    expect(await pairLedger()).toEqual([]);
    const both = await act(bob, 'pairs.met', group);
    expect(shown(both)).toContain('Everyone met: 5 points each.');
    expect(shown(await act(bob, 'pairs.met', group))).toContain('Everyone met; the points are already on the board.');
    expect(await pairLedger()).toEqual([
      { member_id: 'test:ada', points: 5, round_id: null },
      { member_id: 'test:bob', points: 5, round_id: null },
    ]);
    const scores = await db()
      .selectFrom('scores')
      .select(['member_id', 'points'])
      .where('period', '=', 'all')
      .orderBy('member_id')
      .execute();
    expect(scores).toEqual([
      { member_id: 'test:ada', points: 5 },
      { member_id: 'test:bob', points: 5 },
    ]);

    const feedback = buttonsOf((both as { card: Card }).card)[0]!;
    const form = await act(bob, feedback.action, feedback.value);
    expect(form.kind === 'form' && [form.form.title, form.form.fields.map((f) => f.id)]).toEqual([
      'Feedback for ada',
      ['structure', 'depth', 'communication', 'advice'],
    ]);
    const fields = { structure: 'Clear outline', depth: 'Went two probes deep', communication: 'Calm', advice: 'Lead with the trade-off.' };
    const submit = (fieldsIn: Record<string, string>, submissionId: string) =>
      h.mlq.submit({
        channelId: CH,
        communityId: 'test',
        actor: bob,
        form: 'mlq.pairs.feedback',
        value: group,
        fields: fieldsIn,
        submissionId,
      });
    expect(await submit({ ...fields, advice: '  ' }, 's0')).toEqual({
      kind: 'invalid',
      field: 'advice',
      text: 'Write a few words here; the candidate reads them.',
    });
    expect(shown(await submit(fields, 's1'))).toBe('Thank you: your feedback went privately to ada.');
    expect(shown(await submit(fields, 's1'))).toBe('Your feedback for ada was already sent.');
    const delivered = repliesIn(spaceOf(ada.id)).slice(1);
    expect(delivered).toHaveLength(1);
    const text = cardText(delivered[0]!.card!);
    expect(text).toContain('Feedback from your mock interview with bob');
    expect(text).toContain('Advice: Lead with the trade-off.');
    expect(repliesIn(spaceOf(bob.id))).toHaveLength(1);
  });

  it('keeps feedback whose delivery failed and delivers it when sent again; refuses a stale or foreign button', async () => {
    await fiveMembers();
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    const [group] = await db().selectFrom('pair_groups').select('id').where('position', '=', 1).execute();
    const value = String(group!.id);
    expect(shown(await act(ada, 'pairs.met', value))).toBe('This check-in belongs to the members of that pair.');
    expect(shown(await act(cyd, 'pairs.met', '999'))).toBe('That pairing is no longer known.');
    expect(shown(await act(cyd, 'pairs.met', 'x'))).toBe('That pairing is no longer known.');
    const turn = await db().selectFrom('pair_turns').select('candidate').where('interviewer', '=', cyd.id).executeTakeFirstOrThrow();
    const fields = { structure: 'Tidy', depth: 'Shallow on probe 2', communication: 'Clear', advice: 'Quantify the trade-off.' };
    const submit = (submissionId: string) =>
      h.mlq.submit({ channelId: CH, communityId: 'test', actor: cyd, form: 'mlq.pairs.feedback', value, fields, submissionId });
    const reply = h.port.reply.bind(h.port);
    h.port.reply = async () => {
      throw new Error('the platform refused');
    };
    expect(shown(await submit('f1'))).toContain('Your feedback is saved, but');
    h.port.reply = reply;
    expect(shown(await submit('f2'))).toMatch(/^Thank you: your feedback went privately to (dee|eve)\.$/);
    expect(shown(await submit('f2'))).toMatch(/already sent/);
    const space = spaceOf(turn.candidate);
    const delivered = repliesIn(space).filter((r) => r.card!.title?.startsWith('Feedback from'));
    expect(delivered).toHaveLength(1);
    expect(cardText(delivered[0]!.card!)).toContain('Quantify the trade-off.');
  });

  it('gives each candidate a question they have not answered in a round', async () => {
    await fiveMembers();
    const round = (await h.mlq.currentRound(CH))!;
    for (const who of [ada, bob, cyd, dee, eve]) {
      await h.mlq.threadMessage({
        channelId: CH,
        communityId: 'test',
        threadId: round.threadId!,
        messageId: `m-${who.name}`,
        author: who,
        text: 'My answer covers the definition, a practical implication, an example and the trade-off in enough words.',
      });
    }
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    const given = await db().selectFrom('pair_turns').select('question_id').execute();
    expect(given.map((t) => t.question_id)).not.toContain(round.questionId);
  });

  it('makes one pairing and one post per pair when two replicas run their passes at the same time', async () => {
    await fiveMembers();
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    const other = new Mlq(h.deps);
    await Promise.all([h.mlq.tick(), other.tick(), h.mlq.tick()]);
    const { rows } = await sql<{ cycles: number; groups: number }>`
      select (select count(*)::int from pair_cycles) as cycles, (select count(*)::int from pair_groups) as groups`.execute(db());
    expect(rows).toEqual([{ cycles: 1, groups: 2 }]);
    expect(repliesIn(spaceOf(ada.id, bob.id))).toHaveLength(1);
    expect(repliesIn(spaceOf(cyd.id, dee.id, eve.id))).toHaveLength(1);
    expect(h.port.of('reply')).toHaveLength(7);
  });

  it('never posts a group twice while another pass holds its lease, even when that pass is slow', async () => {
    await fiveMembers();
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    let claims = 0;
    const claim = h.repo.claimPairGroups.bind(h.repo);
    h.repo.claimPairGroups = async (...args) => {
      const claimed = await claim(...args);
      claims++;
      return claimed;
    };
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const openSpace = h.port.openSpace.bind(h.port);
    h.port.openSpace = async (...args) => {
      await gate;
      return openSpace(...args);
    };
    const first = h.mlq.tick();
    await waitFor(() => claims === 1);
    const second = new Mlq(h.deps).tick();
    await waitFor(() => claims === 2);
    open();
    await Promise.all([first, second]);
    expect(repliesIn(spaceOf(ada.id, bob.id))).toHaveLength(1);
    expect(repliesIn(spaceOf(cyd.id, dee.id, eve.id))).toHaveLength(1);
    expect(h.port.of('reply')).toHaveLength(7);
  });

  it('finishes a group whose pass died mid-post once its lease lapses, without posting what was posted', async () => {
    await fiveMembers();
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    const reply = h.port.reply.bind(h.port);
    const pair = 'mlq-pair-1';
    h.port.reply = async (target, card, key) => {
      const sent = await reply(target, card, key);
      if (key === pair) throw new Error('the replica died after the intro reached the platform');
      return sent;
    };
    expect(await h.mlq.tick()).toMatchObject({ failed: 1 });
    expect(await db().selectFrom('pair_groups').select(['id', 'status', 'attempts']).where('status', '=', 'posting').execute()).toEqual([
      { id: 1, status: 'posting', attempts: 1 },
    ]);
    h.port.reply = reply;
    h.clock.set(new Date('2026-11-23T09:02:30Z'));
    await h.mlq.tick();
    expect(await db().selectFrom('pair_groups').select('id').where('status', '=', 'posting').execute()).toEqual([{ id: 1 }]);
    h.clock.set(new Date('2026-11-23T09:02:31Z'));
    await h.mlq.tick();
    expect(await db().selectFrom('pair_groups').select('id').where('status', '=', 'posting').execute()).toEqual([]);
    expect(h.port.of('reply').filter((r) => r.key === pair)).toHaveLength(1);
    expect(
      h.port
        .of('reply')
        .map((r) => r.key)
        .sort(),
    ).toEqual([
      'mlq-pair-1',
      'mlq-pair-1-pack-0',
      'mlq-pair-1-pack-1',
      'mlq-pair-2',
      'mlq-pair-2-pack-0',
      'mlq-pair-2-pack-1',
      'mlq-pair-2-pack-2',
    ]);
  });

  it('sends only the rest of a post after a crash mid-way, where the platform cannot find earlier messages', async () => {
    await fiveMembers();
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    Object.defineProperty(h.port, 'findPosted', { value: undefined });
    const getQuestion = h.repo.getQuestion.bind(h.repo);
    const asked = new Set<string>();
    let packs = 0;
    h.repo.getQuestion = async (id) => {
      if (asked.has(id) && ++packs === 5) throw new Error('the database went away before the last of five packs');
      asked.add(id);
      return getQuestion(id);
    };
    expect(await h.mlq.tick()).toMatchObject({ failed: 1 });
    h.clock.set(new Date('2026-11-23T09:02:31Z'));
    await h.mlq.tick();
    const keys = h.port.of('reply').map((r) => r.key);
    expect(keys.sort()).toEqual([
      'mlq-pair-1',
      'mlq-pair-1-pack-0',
      'mlq-pair-1-pack-1',
      'mlq-pair-2',
      'mlq-pair-2-pack-0',
      'mlq-pair-2-pack-1',
      'mlq-pair-2-pack-2',
    ]);
    expect(await db().selectFrom('pair_groups').select(['status', 'progress']).orderBy('id').execute()).toEqual([
      { status: 'posted', progress: 3 },
      { status: 'posted', progress: 4 },
    ]);
  });

  it('matches new partners next cycle, and leaves a lone available member unmatched', async () => {
    await command(h, CH, admin, '/mlq start');
    await command(h, CH, admin, '/mlq config pairs mon 09:00');
    for (const who of [ada, bob, cyd, dee]) await command(h, CH, who, '/mlq pairs join');
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    h.clock.set(new Date('2026-11-30T09:00:30Z'));
    await h.mlq.tick();
    const groups = await db().selectFrom('pair_groups').select(['cycle_id', 'members']).orderBy('id').execute();
    const first = groups.filter((g) => g.cycle_id === 1).map((g) => [...g.members].sort().join());
    const second = groups.filter((g) => g.cycle_id === 2).map((g) => [...g.members].sort().join());
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(2);
    for (const pairing of second) expect(first).not.toContain(pairing);

    for (const who of [bob, cyd]) await command(h, CH, who, '/mlq pairs leave');
    expect(await say(dee, '/mlq pairs snooze 1')).toContain('Snoozed: you sit out every cycle up to 2026-12-07 (UTC).');
    h.clock.set(new Date('2026-12-07T09:00:30Z'));
    await h.mlq.tick();
    const third = await db().selectFrom('pair_cycles').select(['local_date', 'unmatched', 'snoozed']).where('id', '=', 3).execute();
    expect(third).toEqual([{ local_date: '2026-12-07', unmatched: ['test:ada'], snoozed: ['test:dee'] }]);
    expect(await db().selectFrom('pair_groups').select('id').where('cycle_id', '=', 3).execute()).toEqual([]);
    h.clock.set(new Date('2026-12-14T09:00:30Z'));
    await h.mlq.tick();
    const fourth = await db().selectFrom('pair_groups').select('members').where('cycle_id', '=', 4).execute();
    expect(fourth.map((g) => [...g.members].sort())).toEqual([['test:ada', 'test:dee']]);
  });
});

describe('/mlq pairs for a member', () => {
  it('joins, shows the status, snoozes within 1 to 8 weeks, leaves, and answers a stranger', async () => {
    await command(h, CH, admin, '/mlq start');
    expect(await say(ada, '/mlq pairs')).toContain('You are not in the mock-interview pairs.');
    expect(await say(ada, '/mlq pairs leave')).toContain('You are not in the mock-interview pairs;');
    expect(await say(ada, '/mlq pairs snooze 2')).toContain('Join first');
    expect(await say(ada, '/mlq pairs join senior')).toContain('as senior (UTC). No pairing cycle is set yet');
    expect(await say(ada, '/mlq pairs snooze 0')).toContain('You can snooze for 1 to 8 weeks.');
    expect(await say(ada, '/mlq pairs snooze 9')).toContain('You can snooze for 1 to 8 weeks.');
    expect(await say(ada, '/mlq pairs snooze 8')).toContain('every cycle up to 2027-01-18');
    expect(await say(ada, '/mlq pairs snooze 1')).toContain('every cycle up to 2026-11-30');
    expect(await say(ada, '/mlq pairs')).toContain('Snoozed: you sit out every cycle up to 2026-11-30.');
    expect(await say(ada, '/mlq pairs snooze off')).toContain('Snooze ended');
    expect(await say(ada, '/mlq pairs join 3')).toContain('A number goes with `snooze`');
    expect(await say(ada, '/mlq pairs dance')).toContain("I don't understand `dance` here");
    expect(await say(ada, '/mlq pairs pack')).toContain('You have no interviewer pack this cycle.');
    expect(await say(ada, '/mlq pairs leave')).toContain('You left the mock-interview pairs');
    expect(await say(ada, '/mlq pairs')).toContain('You are not in the mock-interview pairs.');
  });

  it('asks for the weeks, ends a snooze with off in any case, and shows a snooze through its last day only', async () => {
    await command(h, CH, admin, '/mlq start');
    await command(h, CH, admin, '/mlq config pairs mon 09:00');
    expect(await say(ada, '/mlq pairs join')).toContain('as mid (UTC). Next cycle: Mon 23 Nov 09:00 (UTC).');
    expect(await say(ada, '/mlq pairs snooze')).toContain('Give a number of weeks from 1 to 8, e.g. `/mlq pairs snooze 2`, or `off`.');
    expect(await say(ada, '/mlq pairs snooze OFF')).toContain(
      'Snooze ended: the next cycle pairs you. Next cycle: Mon 23 Nov 09:00 (UTC).',
    );
    expect(await say(ada, '/mlq pairs snooze offx')).not.toContain('Snooze ended');
    expect(await say(ada, '/mlq pairs snooze 1')).toContain('every cycle up to 2026-11-30');
    h.clock.set(new Date('2026-11-30T23:59:00Z'));
    expect(await say(ada, '/mlq pairs')).toContain('Snoozed: you sit out every cycle up to 2026-11-30.');
    h.clock.set(new Date('2026-12-01T00:00:00Z'));
    expect(await say(ada, '/mlq pairs')).not.toContain('Snoozed');
  });

  it('answers on a platform without private spaces (the terminal) that pairs need two members', async () => {
    const terminal = 'term:T:C';
    const port = h.port.constructor as new (platform: string) => typeof h.port;
    const plain = new port('term');
    Object.defineProperty(plain, 'openSpace', { value: undefined });
    h.deps.ports.register(plain);
    await h.mlq.command({ channelId: terminal, communityId: 'term', actor: admin, text: '/mlq start' });
    const reply = await h.mlq.command({
      channelId: terminal,
      communityId: 'term',
      actor: { id: 'term:me', name: 'me' },
      text: '/mlq pairs join',
    });
    expect(cardText(reply.card)).toContain('Mock-interview pairs need at least two members, and the terminal has one (you).');
  });
});
