import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Member } from '../../src/core/types.ts';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';

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

const db = () => h.database.store.db;
const act = (who: Member, action: string, value: string) => h.mlq.action({ channelId: CH, communityId: 'test', actor: who, action, value });
const submit = (who: Member, value: string, fields: Record<string, string>, submissionId: string) =>
  h.mlq.submit({ channelId: CH, communityId: 'test', actor: who, form: 'mlq.pairs.feedback', value, fields, submissionId });
const shown = (r: InteractionReply): string =>
  r.kind === 'card'
    ? cardText({ ...r.card, fallback: '' })
        .replace(/\s+/g, ' ')
        .trim()
    : r.kind === 'notice'
      ? r.text
      : r.kind;
const NOT_YOURS = 'This check-in belongs to the members of that pair.';
const UNKNOWN = 'That pairing is no longer known.';
const NO_CANDIDATE = 'You had no candidate this cycle, so there is no feedback to give.';
const FIELDS = { structure: 'Tidy', depth: 'Deep', communication: 'Clear', advice: 'Quantify it.' };

/** Pairs on Mondays at 09:00; ada and bob (mid, Tokyo) make the pair, cyd, dee and eve (New York) the trio. */
async function fiveMembers(): Promise<void> {
  await command(h, CH, admin, '/mlq start');
  await command(h, CH, admin, '/mlq config pairs mon 09:00');
  for (const who of [ada, bob]) await command(h, CH, who, '/mlq pairs join mid Asia/Tokyo');
  for (const who of [cyd, dee, eve]) await command(h, CH, who, '/mlq pairs join America/New_York');
}

/** The id of the group holding `who`, as its buttons carry it. */
async function groupOf(who: Member): Promise<string> {
  const rows = await db().selectFrom('pair_groups').selectAll().execute();
  const row = rows.find((r) => JSON.stringify(r).includes(who.id));
  if (row) return String(row.id);
  const turn = await db().selectFrom('pair_turns').selectAll().where('interviewer', '=', who.id).executeTakeFirstOrThrow();
  return String((turn as { group_id: number }).group_id);
}

async function cycle(at = '2026-11-23T09:00:30Z'): Promise<void> {
  await fiveMembers();
  h.clock.set(new Date(at));
  await h.mlq.tick();
  await h.mlq.tick();
}

describe('pair check-ins and feedback at their edges', () => {
  it('notes a skip for this cycle only and stores it', async () => {
    await cycle();
    const pair = await groupOf(ada);
    expect(shown(await act(ada, 'pairs.skip', pair))).toBe('Noted: you skip this cycle. The next one pairs you again.');
    const rows = await db().selectFrom('pair_checkins').select(['group_id', 'member_id', 'answer']).execute();
    expect(rows).toEqual([{ group_id: Number(pair), member_id: ada.id, answer: 'skip' }]);
    expect(await db().selectFrom('ledger').selectAll().where('reason', '=', 'pair_meeting').execute()).toEqual([]);
  });

  it('answers a stale, malformed or foreign group on the feedback button and the feedback form', async () => {
    await cycle();
    const pair = await groupOf(ada);
    for (const value of ['999', `x${pair}`, `${pair}x`, `${pair} `, '1234567890', '']) {
      expect(shown(await act(ada, 'pairs.feedback', value))).toBe(UNKNOWN);
      expect(shown(await submit(ada, value, FIELDS, `s-${value}`))).toBe(UNKNOWN);
    }
    expect(shown(await act(cyd, 'pairs.feedback', pair))).toBe(NOT_YOURS);
    expect(shown(await submit(cyd, pair, FIELDS, 's-cyd'))).toBe(NOT_YOURS);
    expect(await db().selectFrom('pair_feedback').selectAll().execute()).toEqual([]);
  });

  it('tells a member who interviewed nobody that there is no feedback to give', async () => {
    await cycle();
    const pair = await groupOf(ada);
    await db().deleteFrom('pair_turns').where('interviewer', '=', ada.id).execute();
    expect(shown(await act(ada, 'pairs.feedback', pair))).toBe(NO_CANDIDATE);
    expect(shown(await submit(ada, pair, FIELDS, 's-none'))).toBe(NO_CANDIDATE);
    const form = await act(bob, 'pairs.feedback', pair);
    expect(form.kind === 'form' && form.form.title).toBe('Feedback for ada');
    expect(await db().selectFrom('pair_feedback').selectAll().execute()).toEqual([]);
  });

  it('folds white space and keeps at most 300 characters of each note and 200 of the advice', async () => {
    await cycle();
    const pair = await groupOf(ada);
    const fields = {
      structure: '  Clear \n\n  outline\t first  ',
      depth: `${'d'.repeat(299)}ef`,
      communication: 'c'.repeat(300),
      advice: `${'a'.repeat(199)}bc`,
    };
    expect(shown(await submit(bob, pair, fields, 's-long'))).toBe('Thank you: your feedback went privately to ada.');
    const rows = await db()
      .selectFrom('pair_feedback')
      .select(['from_member', 'to_member', 'structure', 'depth', 'communication', 'advice'])
      .execute();
    expect(rows).toEqual([
      {
        from_member: bob.id,
        to_member: ada.id,
        structure: 'Clear outline first',
        depth: `${'d'.repeat(299)}e`,
        communication: 'c'.repeat(300),
        advice: `${'a'.repeat(199)}b`,
      },
    ]);
    expect(await submit(ada, pair, { ...FIELDS, depth: ' \n\t ' }, 's-blank')).toEqual({
      kind: 'invalid',
      field: 'depth',
      text: 'Write a few words here; the candidate reads them.',
    });
    expect(await submit(ada, pair, { structure: 'x', depth: 'y', communication: 'z' }, 's-missing')).toEqual({
      kind: 'invalid',
      field: 'advice',
      text: 'Write a few words here; the candidate reads them.',
    });
  });
});

describe('a pairing cycle at its edges', () => {
  const pairReport = (r: { pairCycles?: number; pairPosts?: number; failed: number }) => [r.pairCycles, r.pairPosts, r.failed];
  const groupsMade = async () =>
    (await db().selectFrom('pair_groups').select('members').orderBy('position').execute()).map((g) => [...g.members].sort());

  it('makes a cycle one full day after it was due, and counts it and its posts in the pass report', async () => {
    await fiveMembers();
    h.clock.set(new Date('2026-11-24T09:00:00Z'));
    expect(pairReport(await h.mlq.tick())).toEqual([1, 2, 0]);
    expect(await groupsMade()).toEqual([
      [ada.id, bob.id],
      [cyd.id, dee.id, eve.id],
    ]);
  });

  it('skips a cycle more than a day overdue and waits for the next one', async () => {
    await fiveMembers();
    h.clock.set(new Date('2026-11-24T09:00:00.001Z'));
    expect(pairReport(await h.mlq.tick())).toEqual([undefined, undefined, 0]);
    expect(await groupsMade()).toEqual([]);
    expect(await db().selectFrom('pair_cycles').selectAll().execute()).toEqual([]);
  });

  it('names the shared space by the cycle date and picks questions from the channel categories at each level', async () => {
    await fiveMembers();
    await command(h, CH, admin, '/mlq config categories statistics');
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    expect(
      h.port
        .of('space')
        .map((s) => [s.members!.join(' '), s.key])
        .sort(),
    ).toEqual([
      ['test:ada test:bob', 'Mock interviews · 2026-11-23'],
      ['test:ada', 'Interviewer pack'],
      ['test:bob', 'Interviewer pack'],
      ['test:cyd test:dee test:eve', 'Mock interviews · 2026-11-23'],
      ['test:cyd', 'Interviewer pack'],
      ['test:dee', 'Interviewer pack'],
      ['test:eve', 'Interviewer pack'],
    ]);
    const turns = await db().selectFrom('pair_turns').select(['interviewer', 'candidate', 'question_id']).orderBy('candidate').execute();
    expect(turns).toEqual([
      { candidate: ada.id, interviewer: bob.id, question_id: 'credible-vs-confidence-intervals' },
      { candidate: bob.id, interviewer: ada.id, question_id: 'non-significant-result-non-inferiority' },
      { candidate: cyd.id, interviewer: eve.id, question_id: 'mle-vs-map-priors-regularisation' },
      { candidate: dee.id, interviewer: cyd.id, question_id: 'multiple-comparisons-fwer-fdr' },
      { candidate: eve.id, interviewer: dee.id, question_id: 'bootstrap-intervals-when-it-fails' },
    ]);
    const picked = await db()
      .selectFrom('questions')
      .select(['category', 'level'])
      .where(
        'id',
        'in',
        turns.map((t) => t.question_id!),
      )
      .execute();
    expect(picked).toEqual(Array.from({ length: 5 }, () => ({ category: 'statistics', level: 'mid' })));
  });

  it('sends the other packs and finishes the post when one interviewer cannot be reached privately', async () => {
    await fiveMembers();
    const open = h.port.openSpace.bind(h.port);
    h.port.openSpace = async (channelId, ids, title) => {
      if (title === 'Interviewer pack' && ids.includes(ada.id)) throw new Error('ada closed her messages');
      return open(channelId, ids, title);
    };
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    expect(pairReport(await h.mlq.tick())).toEqual([1, 2, 0]);
    const packs = h.port
      .of('space')
      .filter((s) => s.key === 'Interviewer pack')
      .map((s) => s.members!.join());
    expect(packs.sort()).toEqual([bob.id, cyd.id, dee.id, eve.id]);
    expect(await db().selectFrom('pair_groups').select(['status', 'progress']).orderBy('position').execute()).toEqual([
      { status: 'posted', progress: 3 },
      { status: 'posted', progress: 4 },
    ]);
  });
});
