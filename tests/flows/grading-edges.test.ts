import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postGuidance } from '../../src/core/grading.ts';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Card } from '../../src/core/message.ts';
import { CATEGORY_NAMES, type Member } from '../../src/core/types.ts';
import { cardText, command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';
import { PrivatePort } from '../helpers/private-port.ts';

const CH = 'test:T1:C1';
const DM = 'test:T1:D-ada';
const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const bob = member('bob');
const ANSWER = 'My answer: more data lowers variance, so an overfit model usually improves with it, and regularise too.';
const GUIDANCE_TITLE = 'What a good reply covers';

let h: Harness;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

const act = (who: Member, action: string, value: string, channelId = CH) =>
  h.mlq.action({ channelId, communityId: 'test', actor: who, action, value });
const submit = (who: Member, value: string, covered: string, submissionId: string, channelId = CH) =>
  h.mlq.submit({ channelId, communityId: 'test', actor: who, form: 'mlq.grade', value, fields: { covered }, submissionId });
const shown = (r: InteractionReply): string =>
  r.kind === 'card' ? cardText({ ...r.card, fallback: '' }).trim() : r.kind === 'notice' ? r.text : r.kind;
const buttonsOf = (card: Card) => card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
const db = () => h.database.store.db;
const guidanceReplies = () => h.port.of('reply').filter((s) => s.card!.title?.startsWith(GUIDANCE_TITLE));

/** Subscribes the channel (a round is posted at once), ada answers, and the admin reveals at 15:00 UTC. */
async function revealedRound(): Promise<number> {
  await command(h, CH, admin, '/mlq start');
  expect((await reply(h, CH, ada, ANSWER)).outcome).toBe('answer');
  h.clock.set(new Date('2026-11-23T15:00:00Z'));
  await command(h, CH, admin, '/mlq reveal');
  return (await h.mlq.currentRound(CH))!.id;
}

/** Points a round at a question that is not in the bank (foreign keys off for the one statement). */
async function loseQuestionOf(table: 'rounds' | 'practices' | 'mock_sessions' | 'review_cards', id: number) {
  await db()
    .transaction()
    .execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update ${sql.id(table)} set question_id = 'gone' where id = ${id}`.execute(trx);
    });
}

describe('the guidance button', () => {
  it('waits for the reveal, refuses values that are not a round id, and shows the probes of a revealed round', async () => {
    await command(h, CH, admin, '/mlq start');
    const round = (await h.mlq.currentRound(CH))!;
    const waiting = 'The guidance is shown once the round is revealed.';
    expect(await act(bob, 'guidance.show', String(round.id))).toEqual({ kind: 'notice', text: waiting });
    h.clock.set(new Date('2026-11-23T15:00:00Z'));
    await command(h, CH, admin, '/mlq reveal');
    const question = (await h.repo.getQuestion(round.questionId))!;
    const card = await act(bob, 'guidance.show', String(round.id));
    expect(card.kind === 'card' && card.card.title).toBe(`${GUIDANCE_TITLE} · ${CATEGORY_NAMES[question.category]} · ${question.level}`);
    expect(shown(card)).toContain(question.probes[0]!.guidance.replace(/\*\*/g, ''));
    // Leading zeros are still the round's number; anything around the digits is not.
    expect((await act(bob, 'guidance.show', `0${round.id}`)).kind).toBe('card');
    for (const bad of ['', 'x', ` ${round.id}`, `${round.id} `, `r:${round.id}`, '1234567890', '999'])
      expect(await act(bob, 'guidance.show', bad)).toEqual({ kind: 'notice', text: waiting });
  });

  it('shows nothing for a revealed round whose question is gone from the bank', async () => {
    const roundId = await revealedRound();
    await loseQuestionOf('rounds', roundId);
    expect(await act(bob, 'guidance.show', String(roundId))).toEqual({ kind: 'none' });
    expect(shown(await act(ada, 'grade.open', `r:${roundId}`))).toBe('That question is no longer in the bank.');
  });
});

describe('a graded round is only the grade', () => {
  it('answers a round grade with the saved line and the bonus, and no review queue after it', async () => {
    const roundId = await revealedRound();
    const n = (await h.repo.getQuestion((await h.repo.getRound(roundId))!.questionId))!.key_points.length;
    h.clock.set(new Date('2026-11-23T16:00:00Z'));
    const saved = await submit(ada, `r:${roundId}`, '', 'v1');
    expect(saved.kind === 'card' && buttonsOf(saved.card)).toEqual([]);
    expect(shown(saved)).toBe(
      `Saved: 0 of ${n} key points · Again. Next review of this question: Tue 24 Nov 16:00 (UTC). +2 points for grading.`,
    );
    expect(await db().selectFrom('ledger').select(['key', 'member_id', 'points']).where('reason', '=', 'grade').execute()).toEqual([
      { key: `grade:${roundId}:test:ada`, member_id: ada.id, points: 2 },
    ]);
  });

  it('waits for the reveal when the checklist is opened early, and sends the checklist with its round at the reveal', async () => {
    await command(h, CH, admin, '/mlq start');
    const roundId = (await h.mlq.currentRound(CH))!.id;
    const early = 'That round is not revealed yet: grade yourself after the reveal.';
    expect(shown(await act(ada, 'grade.open', `r:${roundId}`))).toBe(early);
    expect(shown(await submit(ada, 'r:999', '0', 'e1'))).toBe(early);
    await reply(h, CH, ada, ANSWER);
    await command(h, CH, admin, '/mlq reveal');
    const [checklist] = h.port.of('private').filter((s) => s.card!.title?.startsWith('Grade yourself'));
    expect(buttonsOf(checklist!.card!).map((b) => [b.action, b.value, b.command])).toEqual([
      ['grade.open', `r:${roundId}`, '/mlq grade <numbers>'],
    ]);
  });
});

describe('a practice grade', () => {
  it('is refused for an older practice question, before its answer is shown, and to a member without one', async () => {
    await command(h, CH, ada, '/mlq ask calibration');
    const first = (await h.repo.latestPractice(ada.id))!.id;
    await command(h, CH, ada, '/mlq solution');
    await command(h, CH, ada, '/mlq ask statistics');
    const second = (await h.repo.latestPractice(ada.id))!.id;
    expect(second).not.toBe(first);
    const newer = 'You have asked for a newer practice question since; grade that one.';
    expect(shown(await submit(ada, `p:${first}`, '0', 'p1'))).toBe(newer);
    expect(shown(await act(ada, 'grade.open', `p:${first}`))).toBe(newer);
    expect(shown(await submit(ada, `p:${second}`, '0', 'p2'))).toBe(
      'Reveal the strong answer first (`/mlq solution`), then grade yourself.',
    );
    expect(shown(await submit(bob, `p:${second}`, '0', 'p3'))).toBe(newer);
    await command(h, CH, ada, '/mlq solution');
    expect(shown(await submit(ada, `p:${second}`, '0', 'p4'))).toMatch(/^Saved: 1 of \d+ key points · /);
    expect(await db().selectFrom('grades').select(['member_id', 'source', 'source_id', 'ticked']).execute()).toEqual([
      { member_id: ada.id, source: 'practice', source_id: String(second), ticked: [0] },
    ]);
  });

  it('and a review card are refused once their question is gone from the bank', async () => {
    await command(h, CH, ada, '/mlq ask calibration');
    await command(h, CH, ada, '/mlq solution');
    await command(h, CH, ada, '/mlq grade practice none');
    const practice = (await h.repo.latestPractice(ada.id))!.id;
    const card = await db().selectFrom('review_cards').select(['id', 'reps']).executeTakeFirstOrThrow();
    await loseQuestionOf('practices', practice);
    expect(shown(await submit(ada, `p:${practice}`, '0', 'g1'))).toBe('That question is no longer in the bank.');
    await loseQuestionOf('review_cards', card.id);
    expect(shown(await submit(ada, `c:${card.id}:${card.reps}`, '0', 'g2'))).toBe('That question is no longer in the bank.');
  });
});

describe('the "Next card" step after a graded review', () => {
  it('counts the cards still due, singular and plural, then says when the next one is due', async () => {
    for (const topic of ['calibration', 'statistics', 'evaluation']) {
      await command(h, CH, ada, `/mlq ask ${topic}`);
      await command(h, CH, ada, '/mlq solution');
      await command(h, CH, ada, '/mlq grade practice none');
    }
    expect((await db().selectFrom('review_cards').select('id').execute()).length).toBe(3);
    h.clock.set(new Date('2026-11-25T08:00:00Z'));
    const next = { type: 'buttons', buttons: [{ label: 'Next card', action: 'review.next', value: '', command: '/mlq review' }] };

    const gradeShownCard = async (submissionId: string) => {
      const queue = await act(ada, 'review.next', '');
      const show = queue.kind === 'card' ? buttonsOf(queue.card)[0]! : null;
      const points = await act(ada, 'review.show', show!.value);
      const tick = points.kind === 'card' ? buttonsOf(points.card)[0]! : null;
      expect(tick!.action).toBe('grade.open');
      const graded = await submit(ada, tick!.value, '', submissionId);
      return graded.kind === 'card' ? graded.card.blocks.slice(1) : [];
    };
    expect(await gradeShownCard('r1')).toEqual([{ type: 'text', markdown: '2 more cards are due.' }, next]);
    expect(await gradeShownCard('r2')).toEqual([{ type: 'text', markdown: '1 more card is due.' }, next]);
    const last = (await command(h, CH, ada, '/mlq review grade none')).card;
    expect(last.blocks.slice(1)).toEqual([{ type: 'text', markdown: 'No review is due. The next one is due Thu 26 Nov 08:00 (UTC).' }]);
    expect(buttonsOf(last)).toEqual([]);
  });
});

describe('a mock grade in its direct conversation', () => {
  let port: PrivatePort;
  beforeEach(() => {
    port = new PrivatePort();
    h.deps.ports.register(port);
  });
  const say = (text: string, conversationId: string) =>
    h.mlq.directMessage({ conversationId, messageId: `dm-${text}-${Math.random()}`, author: ada, text });

  it('is the mock member’s, whoever presses in that conversation, with their earlier ticks', async () => {
    await command(h, CH, ada, '/mlq mock');
    const s = (await h.repo.openMockSession(ada.id))!;
    expect(s.conversationId).toBe(DM);
    for (let step = 0; step < s.state.steps; step++) {
      await say(`answer ${step}`, DM);
      await say('done', DM);
    }
    expect(await say('1', DM)).toBe('graded');
    const opened = await act(bob, 'grade.open', `m:${s.id}`, DM);
    expect(opened.kind === 'form' && opened.form.fields[0]!.choices!.selected).toEqual(['0']);
    expect(shown(await act(bob, 'grade.open', `m:${s.id}`, CH))).toBe('That mock interview is not yours.');
    expect(shown(await submit(bob, `m:${s.id}`, '0,1', 'm1', DM))).toMatch(/^Changed: 2 of \d+ key points · /);
    expect(await db().selectFrom('grades').select(['member_id', 'source', 'ticked', 'channel_id']).execute()).toEqual([
      { member_id: ada.id, source: 'mock', ticked: [0, 1], channel_id: CH },
    ]);
  });

  it('is refused to another member in a private thread, which is not a direct conversation', async () => {
    port.refuseDirect = true;
    await command(h, CH, ada, '/mlq mock');
    const s = (await h.repo.openMockSession(ada.id))!;
    expect([s.conversationId, s.state.direct]).toEqual(['test:T1:thread-1', false]);
    for (let step = 0; step < s.state.steps; step++) {
      await say(`answer ${step}`, s.conversationId!);
      await say('done', s.conversationId!);
    }
    expect(shown(await act(bob, 'grade.open', `m:${s.id}`, s.conversationId!))).toBe('That mock interview is not yours.');
    expect((await act(ada, 'grade.open', `m:${s.id}`, s.conversationId!)).kind).toBe('form');
    await loseQuestionOf('mock_sessions', s.id);
    expect(shown(await act(ada, 'grade.open', `m:${s.id}`, s.conversationId!))).toBe('That question is no longer in the bank.');
  });
});

describe("the previous round's guidance when the next round is posted", () => {
  it('is posted once in its thread, however many passes post the next round', async () => {
    const roundId = await revealedRound();
    const thread = (await h.repo.getRound(roundId))!.threadId;
    h.clock.set(new Date('2026-11-24T09:00:00Z'));
    expect((await h.mlq.tick()).posted).toBe(1);
    const channel = (await h.repo.getChannel(CH))!;
    const next = (await h.mlq.currentRound(CH))!;
    await Promise.all([postGuidance(h.deps, channel, next), postGuidance(h.deps, channel, next)]);
    await postGuidance(h.deps, channel, next);
    expect(guidanceReplies().map((s) => [s.target, s.key])).toEqual([[thread, `mlq-guidance-${roundId}`]]);
    expect(cardText({ ...guidanceReplies()[0]!.card!, fallback: '' })).toContain(
      'Posted with the next round: the guidance for the probes above.',
    );
  });

  it('is not posted for a previous round without a thread, nor one that is not revealed, nor when there is none', async () => {
    await command(h, CH, admin, '/mlq start');
    const channel = (await h.repo.getChannel(CH))!;
    const first = (await h.mlq.currentRound(CH))!;
    const later = { ...first, localDate: '2026-11-24' };
    await postGuidance(h.deps, channel, first);
    await postGuidance(h.deps, channel, later);
    h.clock.set(new Date('2026-11-23T15:00:00Z'));
    await command(h, CH, admin, '/mlq reveal');
    await db().updateTable('rounds').set({ thread_id: null }).where('id', '=', first.id).execute();
    await postGuidance(h.deps, channel, later);
    expect(guidanceReplies()).toEqual([]);
    const claimed = await db().selectFrom('rounds').select('guidance_posted_at').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(claimed.guidance_posted_at).toBeNull();
  });

  it('is claimed but not posted when the previous round’s question is gone from the bank', async () => {
    const roundId = await revealedRound();
    await loseQuestionOf('rounds', roundId);
    const channel = (await h.repo.getChannel(CH))!;
    await postGuidance(h.deps, channel, { ...(await h.repo.getRound(roundId))!, localDate: '2026-11-24' });
    expect(guidanceReplies()).toEqual([]);
  });
});

describe('refs that name nothing gradable', () => {
  it('ignores a value that is not a ref, and refuses review cards and mocks that do not exist or moved on', async () => {
    expect(await act(ada, 'grade.open', 'nonsense')).toEqual({ kind: 'none' });
    expect(await submit(ada, 'nonsense', '0', 'n1')).toEqual({ kind: 'none' });
    expect(shown(await submit(ada, 'c:999:0', '0', 'n2'))).toBe('That review card is not yours.');
    expect(shown(await act(ada, 'grade.open', 'm:999'))).toBe('That mock interview is not yours.');
    await command(h, CH, ada, '/mlq ask calibration');
    await command(h, CH, ada, '/mlq solution');
    await command(h, CH, ada, '/mlq grade practice none');
    const card = await db().selectFrom('review_cards').select(['id', 'reps']).executeTakeFirstOrThrow();
    expect(shown(await submit(ada, `c:${card.id}:${card.reps + 5}`, '0', 'n3'))).toBe(
      'You have reviewed that card already; `/mlq review` shows the next one.',
    );
    expect(await db().selectFrom('review_log').select('id').execute()).toHaveLength(1);
  });

  it('reads a submission without the checklist field as nothing ticked, and keeps the round on the grade', async () => {
    const roundId = await revealedRound();
    const saved = await h.mlq.submit({
      channelId: CH,
      communityId: 'test',
      actor: ada,
      form: 'mlq.grade',
      value: `r:${roundId}`,
      fields: {},
      submissionId: 'e1',
    });
    expect(shown(saved)).toMatch(/^Saved: 0 of \d+ key points · Again\./);
    expect(await db().selectFrom('grades').select(['member_id', 'source', 'round_id', 'channel_id', 'ticked']).execute()).toEqual([
      { member_id: ada.id, source: 'round', round_id: roundId, channel_id: CH, ticked: [] },
    ]);
  });
});

describe('the checklists at the reveal', () => {
  it('come without buttons where private buttons cannot be pressed', async () => {
    class NoPrivateButtons extends PrivatePort {
      readonly capabilities = { privateButtons: false };
    }
    const port = new NoPrivateButtons();
    h.deps.ports.register(port);
    h.port = port;
    await revealedRound();
    const [checklist] = port.of('private').filter((s) => s.card!.title?.startsWith('Grade yourself'));
    expect(checklist!.target).toBe(ada.id);
    expect(buttonsOf(checklist!.card!)).toEqual([]);
    expect(cardText({ ...checklist!.card!, fallback: '' })).toContain(
      'Tick them with Grade yourself under the reveal, or type `/mlq grade 1 3` in the channel with their numbers.',
    );
  });
});
