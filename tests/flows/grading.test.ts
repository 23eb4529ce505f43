import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Card } from '../../src/core/message.ts';
import { CATEGORY_NAMES, type Member, type Question } from '../../src/core/types.ts';
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

const act = (who: Member, action: string, value: string) => h.mlq.action({ channelId: CH, communityId: 'test', actor: who, action, value });
const submit = (who: Member, value: string, covered: string, submissionId: string) =>
  h.mlq.submit({ channelId: CH, communityId: 'test', actor: who, form: 'mlq.grade', value, fields: { covered }, submissionId });
/** What the member reads in a reply: the card's title and blocks (without the fallback), or the notice. */
const shown = (r: InteractionReply): string =>
  r.kind === 'card' ? cardText({ ...r.card, fallback: '' }).trim() : r.kind === 'notice' ? r.text : r.kind;
const buttonsOf = (card: Card) => card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
const db = () => h.database.store.db;
const count = async (table: 'grades' | 'review_log' | 'review_cards') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const gradeLedger = () => db().selectFrom('ledger').select(['member_id', 'points']).where('reason', '=', 'grade').execute();

/** Subscribes the channel (a round is posted at once), ada answers, and the admin reveals at 15:00 UTC. */
async function revealedRound(): Promise<{ roundId: number; question: Question }> {
  await command(h, CH, admin, '/mlq start');
  expect((await reply(h, CH, ada, ANSWER)).outcome).toBe('answer');
  h.clock.set(new Date('2026-11-23T15:00:00Z'));
  await command(h, CH, admin, '/mlq reveal');
  const round = (await h.mlq.currentRound(CH))!;
  return { roundId: round.id, question: (await h.repo.getQuestion(round.questionId))! };
}

describe('grading yourself at the reveal', () => {
  it('leads the reveal with a one-line summary and offers the checklist and the guidance', async () => {
    const { roundId, question } = await revealedRound();
    const reveal = h.port.of('reply').at(-1)!.card!;
    const first = reveal.blocks[0]!;
    const summary = first.type === 'text' ? first.markdown : '';
    expect(summary.startsWith('**In one line:** ')).toBe(true);
    if (question.tldr) expect(summary).toBe(`**In one line:** ${question.tldr}`);
    else expect(question.strong_answer.replace(/\s+/g, ' ').startsWith(summary.slice(17))).toBe(true);
    expect(buttonsOf(reveal).map((b) => [b.action, b.value, b.command])).toEqual([
      ['grade.open', `r:${roundId}`, '/mlq grade <numbers>'],
      ['guidance.show', String(roundId), '/mlq guidance'],
    ]);
    const checklist = h.port.of('private').filter((s) => s.card!.title?.startsWith('Grade yourself'));
    expect(checklist.map((s) => s.target)).toEqual(['test:ada']);
    expect(checklist[0]!.card!.blocks[1]).toEqual({ type: 'list', items: question.key_points, ordered: true, title: undefined });
    const guidance = await act(bob, 'guidance.show', String(roundId));
    expect(shown(guidance)).toContain(question.probes[0]!.guidance);
    expect(cardText((await command(h, CH, bob, '/mlq guidance')).card)).toContain(question.probes[0]!.guidance);
  });

  it('stores one grade per member and round, however often it arrives, and lets it change until the next round', async () => {
    const { roundId, question } = await revealedRound();
    const n = question.key_points.length;
    h.clock.set(new Date('2026-11-23T16:00:00Z'));
    const opened = await act(ada, 'grade.open', `r:${roundId}`);
    expect(opened.kind).toBe('form');
    if (opened.kind !== 'form') return;
    expect(opened.form.fields[0]!.choices!.options).toHaveLength(n);
    expect(opened.form.fields[0]!.choices!.selected).toEqual([]);

    const saved = await submit(ada, `r:${roundId}`, '', 'view-1');
    expect(shown(saved)).toContain(
      `Saved: 0 of ${n} key points · Again. Next review of this question: Tue 24 Nov 16:00 (UTC). +2 points for grading.`,
    );
    const replays = await Promise.all([submit(ada, `r:${roundId}`, '', 'view-1'), submit(ada, `r:${roundId}`, '', 'view-1')]);
    expect(replays.map(shown)).toEqual([
      `Already saved: 0 of ${n} key points · Again. Next review of this question: Tue 24 Nov 16:00 (UTC).`,
      `Already saved: 0 of ${n} key points · Again. Next review of this question: Tue 24 Nov 16:00 (UTC).`,
    ]);
    expect(await count('grades')).toBe(1);
    expect(await count('review_log')).toBe(1);
    expect(await gradeLedger()).toEqual([{ member_id: 'test:ada', points: 2 }]);

    h.clock.set(new Date('2026-11-23T18:00:00Z'));
    const all = Array.from({ length: n }, (_, i) => i).join(',');
    const changed = await submit(ada, `r:${roundId}`, all, 'view-2');
    expect(shown(changed)).toContain(`Changed: ${n} of ${n} key points · Easy. Next review of this question: Tue 1 Dec 16:00 (UTC).`);
    expect(shown(changed)).not.toContain('points for grading');
    expect(await count('grades')).toBe(1);
    expect(await gradeLedger()).toEqual([{ member_id: 'test:ada', points: 2 }]);
    const reopened = await act(ada, 'grade.open', `r:${roundId}`);
    expect(reopened.kind === 'form' && reopened.form.fields[0]!.choices!.selected).toEqual(all.split(','));

    const bobs = (await Promise.all([1, 2, 3].map(() => submit(bob, `r:${roundId}`, '0', 'view-3')))).map(shown);
    expect(bobs.filter((b) => b.startsWith(`Saved: 1 of ${n} key points`))).toHaveLength(1);
    expect(bobs.filter((b) => b.startsWith(`Already saved: 1 of ${n} key points`))).toHaveLength(2);
    expect(bobs.join()).not.toContain('points for grading');
    expect(await count('grades')).toBe(2);
    expect(await count('review_log')).toBe(2);
    expect(await gradeLedger()).toEqual([{ member_id: 'test:ada', points: 2 }]);

    await h.mlq.tick();
    h.clock.set(new Date('2026-11-24T09:00:00Z'));
    expect((await h.mlq.tick()).posted).toBe(1);
    expect(shown(await submit(ada, `r:${roundId}`, '', 'view-4'))).toBe(
      'The next round is out, so that grade can no longer change. Grade this round after its reveal.',
    );
    const guidance = h.port.of('reply').filter((s) => s.card!.title?.startsWith('What a good reply covers'));
    expect(guidance).toHaveLength(1);
    expect(guidance[0]!.target).toBe((await h.repo.getRound(roundId))!.threadId);
    h.clock.set(new Date('2026-11-24T15:00:00Z'));
    expect((await h.mlq.tick()).revealed).toBe(1);
    h.clock.set(new Date('2026-11-25T09:00:00Z'));
    await h.mlq.tick();
    await h.mlq.tick();
    expect(h.port.of('reply').filter((s) => s.card!.title?.startsWith('What a good reply covers'))).toHaveLength(2);
  });

  it('grades by numbers with /mlq grade, refuses bad numbers, and waits for the reveal', async () => {
    await command(h, CH, admin, '/mlq start');
    expect(cardText((await command(h, CH, ada, '/mlq grade 1')).card)).toContain('not revealed yet');
    const { question } = await revealedRound();
    const n = question.key_points.length;
    expect(cardText((await command(h, CH, ada, '/mlq grade 0')).card)).toContain(`from 1 to ${n}`);
    expect(cardText((await command(h, CH, ada, `/mlq grade ${n + 1}`)).card)).toContain(`\`${n + 1}\` is not one`);
    expect(cardText((await command(h, CH, ada, '/mlq grade')).card)).toContain(question.key_points[0]!);
    expect(cardText((await command(h, CH, ada, '/mlq grade all')).card)).toContain(`Saved: ${n} of ${n} key points · Easy.`);
    expect(cardText((await command(h, CH, ada, '/mlq grade none')).card)).toContain(`Changed: 0 of ${n} key points · Again.`);
    expect(await gradeLedger()).toEqual([{ member_id: 'test:ada', points: 2 }]);
  });
});

describe('a grade changed after its card was reviewed', () => {
  it('is stored, and leaves the card where the review put it', async () => {
    const { question } = await revealedRound();
    const n = question.key_points.length;
    await command(h, CH, admin, '/mlq config days mon');
    h.clock.set(new Date('2026-11-23T16:00:00Z'));
    await command(h, CH, ada, '/mlq grade none');
    h.clock.set(new Date('2026-11-24T17:00:00Z'));
    expect(cardText((await command(h, CH, ada, '/mlq review grade all')).card)).toContain(`Saved: ${n} of ${n} key points · Easy.`);
    const card = await db().selectFrom('review_cards').select(['due', 'reps']).executeTakeFirstOrThrow();
    h.clock.set(new Date('2026-11-25T10:00:00Z'));
    expect(cardText((await command(h, CH, ada, '/mlq grade 1')).card)).toContain(
      `Changed to 1 of ${n} key points · Again. You have reviewed this question since, so its next review stays`,
    );
    expect(await db().selectFrom('review_cards').select(['due', 'reps']).executeTakeFirstOrThrow()).toEqual(card);
    expect((await db().selectFrom('grades').select('ticked').where('source', '=', 'round').executeTakeFirstOrThrow()).ticked).toEqual([0]);
  });
});

describe('the review queue', () => {
  it('brings a graded question back when due, one card at a time, and never touches the leaderboard', async () => {
    const { roundId, question } = await revealedRound();
    const n = question.key_points.length;
    h.clock.set(new Date('2026-11-23T16:00:00Z'));
    await submit(ada, `r:${roundId}`, '0', 'view-1');
    expect(cardText((await command(h, CH, ada, '/mlq review')).card)).toContain('No review is due. The next one is due');
    expect(cardText((await command(h, CH, bob, '/mlq review')).card)).toContain('No review cards yet.');
    const scores = await db().selectFrom('scores').selectAll().orderBy(['period', 'member_id']).execute();

    h.clock.set(new Date('2026-12-10T08:00:00Z'));
    const queue = await command(h, CH, ada, '/mlq review');
    expect(queue.card.title).toMatch(/^Review · 1 due · /);
    expect(cardText(queue.card)).toContain(question.prompt);
    const [show] = buttonsOf(queue.card);
    expect(show!.action).toBe('review.show');
    const points = await act(ada, 'review.show', show!.value);
    expect(shown(points)).toContain(question.key_points[n - 1]!);
    const tick = points.kind === 'card' ? buttonsOf(points.card)[0]! : null;
    expect(tick?.action).toBe('grade.open');
    const reviewed = await submit(ada, tick!.value, '', 'view-9');
    expect(shown(reviewed)).toContain(`Saved: 0 of ${n} key points · Again.`);
    expect(shown(reviewed)).toContain('No review is due.');
    expect(shown(await submit(ada, tick!.value, '', 'view-9'))).toContain('Already saved');
    const regraded = await submit(ada, tick!.value, '0,1', 'view-10');
    expect(shown(regraded)).toContain(`Changed: 2 of ${n} key points`);
    expect(await count('review_log')).toBe(2);
    expect(await db().selectFrom('scores').selectAll().orderBy(['period', 'member_id']).execute()).toEqual(scores);
    expect(shown(await act(bob, 'review.show', show!.value))).toBe('That review card is not yours.');

    h.clock.set(new Date('2026-12-31T08:00:00Z'));
    expect(cardText((await command(h, CH, ada, '/mlq review show')).card)).toContain(question.key_points[0]!);
    expect(cardText((await command(h, CH, ada, '/mlq review grade all')).card)).toContain(`Saved: ${n} of ${n} key points · Easy.`);
    expect(shown(await submit(ada, tick!.value, '', 'view-11'))).toBe(
      'You have reviewed that card already; `/mlq review` shows the next one.',
    );
    const stats = (await command(h, CH, ada, '/mlq stats')).card;
    expect(JSON.stringify(stats)).toContain(
      '{"label":"Reviews done","value":"2"},{"label":"Grades","value":"3"},{"label":"Due now","value":"0"}',
    );
    expect(cardText(stats)).toContain(`Weakest: ${CATEGORY_NAMES[question.category]} (100 %)`);
  });

  it('answers the "Next card" button with the queue, titled Review when empty, and ignores a non-review ref', async () => {
    const empty = await act(ada, 'review.next', '');
    expect(empty.kind).toBe('card');
    expect(empty.kind === 'card' && empty.card.title).toBe('Review');
    expect(shown(empty)).toBe(
      'Review\nNo review cards yet. Grade yourself after a reveal, or after a practice question (`/mlq ask`), and the question comes back here when you are about to forget it.',
    );
    const { roundId } = await revealedRound();
    expect(await act(ada, 'review.show', `r:${roundId}`)).toEqual({ kind: 'none' });
    expect(await act(ada, 'review.show', 'nonsense')).toEqual({ kind: 'none' });
    await submit(ada, `r:${roundId}`, '0', 'view-1');
    h.clock.set(new Date('2026-12-10T08:00:00Z'));
    const next = await act(ada, 'review.next', '');
    expect(next.kind === 'card' && next.card.title).toMatch(/^Review · 1 due · /);
  });

  it('makes cards from practice questions graded after their answer is shown', async () => {
    expect(cardText((await command(h, CH, ada, '/mlq grade practice 1')).card)).toContain('no practice question yet');
    await command(h, CH, ada, '/mlq ask calibration');
    expect(cardText((await command(h, CH, ada, '/mlq grade practice 1')).card)).toContain('Reveal the strong answer first');
    const solution = await command(h, CH, ada, '/mlq solution');
    expect(buttonsOf(solution.card).map((b) => b.action)).toEqual(['grade.open']);
    expect(cardText((await command(h, CH, ada, '/mlq grade practice all')).card)).toMatch(/Saved: (\d) of \1 key points · Easy/);
    expect(await count('review_cards')).toBe(1);
    expect(await gradeLedger()).toEqual([]);
  });

  it('shows mastery per category, the weakest one and the next reviews due in /mlq stats', async () => {
    await command(h, CH, admin, '/mlq start');
    await command(h, CH, ada, '/mlq ask statistics');
    await command(h, CH, ada, '/mlq solution');
    await command(h, CH, ada, '/mlq grade practice all');
    h.clock.set(new Date('2026-11-23T09:00:00Z'));
    await command(h, CH, ada, '/mlq ask evaluation');
    await command(h, CH, ada, '/mlq solution');
    await command(h, CH, ada, '/mlq grade practice none');
    const stats = cardText((await command(h, CH, ada, '/mlq stats')).card);
    expect(stats).toContain('Mastery by category');
    expect(stats).toContain('Model evaluation: 0 % (1 question)\nStatistics and probability: 100 % (1 question)');
    expect(stats).toContain('Weakest: Model evaluation (0 %). Practise one with `/mlq ask evaluation`.');
    expect(stats).toContain('Next reviews due: Tue 24 Nov 09:00 (UTC), Tue 1 Dec 08:00 (UTC).');
    expect(cardText((await command(h, CH, admin, '/mlq stats <@test:ada>')).card)).not.toContain('Mastery');
  });
});
