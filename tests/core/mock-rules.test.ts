import { describe, expect, it } from 'vitest';
import {
  addMessage,
  finishStep,
  isIdle,
  MOCK_LIMITS,
  type MockSession,
  newMockState,
  parseBudget,
  typedCommand,
} from '../../src/core/mock-rules.ts';

const AT = new Date('2026-11-23T08:00:00Z');
const later = (ms: number) => new Date(AT.getTime() + ms);

function session(over: Partial<MockSession> = {}, budgetMinutes: number | null = null): MockSession {
  return {
    id: 1,
    memberId: 'test:ada',
    communityId: 'test',
    channelId: 'test:T:C',
    conversationId: 'test:T:D',
    questionId: 'q',
    status: 'open',
    step: 0,
    sentStep: 0,
    version: 1,
    startedAt: AT,
    activeAt: AT,
    state: newMockState({ memberName: 'ada', probes: 2, at: AT, budgetMinutes, direct: true, buttons: true }),
    ...over,
  };
}

const added = (s: MockSession, key: string, text: string) => {
  const outcome = addMessage(s, key, text, AT);
  if (outcome.kind !== 'added') throw new Error(outcome.kind);
  return outcome.session;
};

describe('mock interview rules', () => {
  it('keeps a message of up to 2,000 characters whole and clips a longer one', () => {
    const s = session();
    expect(added(s, 'a', 'x'.repeat(1999)).state.answers[0]![0]!.text).toHaveLength(1999);
    expect(added(s, 'a', 'x'.repeat(2000)).state.answers[0]![0]!.text).toBe('x'.repeat(2000));
    expect(added(s, 'a', 'x'.repeat(2001)).state.answers[0]![0]!.text).toBe(`${'x'.repeat(1999)}…`);
    expect(MOCK_LIMITS.messageChars).toBe(2000);
  });

  it('takes up to 20 messages and 6,000 characters a step, clipping the one that reaches the limit', () => {
    let s = session();
    for (let i = 0; i < 19; i++) s = added(s, `m${i}`, 'short');
    s = added(s, 'm19', 'the twentieth');
    expect(s.state.answers[0]).toHaveLength(20);
    expect(addMessage(s, 'm20', 'one more', AT)).toEqual({
      kind: 'full',
      text: 'That is as much as one step keeps (6000 characters). Press Done or type `done`.',
    });
    let c = session();
    c = added(c, 'a', 'x'.repeat(2000));
    c = added(c, 'b', 'x'.repeat(2000));
    c = added(c, 'c', 'x'.repeat(1998));
    expect(added(c, 'd', 'yy').state.answers[0]!.at(-1)!.text).toBe('yy');
    c = added(c, 'd', 'yyy');
    expect(c.state.answers[0]!.at(-1)!.text).toBe('y…');
    expect(addMessage(c, 'e', 'z', AT).kind).toBe('full');
  });

  it('counts a replayed message or press once, and ignores a press for another step', () => {
    const s = added(session(), 'm1', 'An answer.');
    expect(addMessage(s, 'm1', 'An answer.', AT)).toEqual({ kind: 'duplicate' });
    const done = finishStep(s, 0, 'press:0', later(60_000));
    expect(done.kind).toBe('next');
    if (done.kind !== 'next') return;
    expect(done.session.step).toBe(1);
    expect(done.session.status).toBe('open');
    expect(finishStep(done.session, 0, 'press:0', later(60_000))).toEqual({ kind: 'duplicate' });
    expect(finishStep(done.session, 0, 'press:0b', later(60_000))).toEqual({ kind: 'stale' });
    expect(finishStep(done.session, 1, 'press:1', later(60_000))).toEqual({ kind: 'empty' });
    expect(addMessage(done.session, 'm1', 'again', AT)).toEqual({ kind: 'duplicate' });
  });

  it('finishes after the last probe, and takes nothing once finished or stopped', () => {
    let s = added(session(), 'a', 'answer');
    for (let step = 0; step < 3; step++) {
      const done = finishStep(s, step, `k${step}`, AT, true);
      if (done.kind !== 'next') throw new Error(done.kind);
      s = done.session;
    }
    expect([s.step, s.status]).toEqual([3, 'finished']);
    expect(addMessage(s, 'late', 'late', AT)).toEqual({ kind: 'closed' });
    expect(finishStep(s, 3, 'k3', AT)).toEqual({ kind: 'closed' });
    expect(addMessage(session({ status: 'stopped' }), 'x', 'y', AT)).toEqual({ kind: 'closed' });
  });

  it('notes a step over the budget with its minutes, never at the budget itself', () => {
    const s = added(session({}, 5), 'a', 'answer');
    const at = finishStep(s, 0, 'k', later(5 * 60_000));
    expect(at.kind === 'next' && [at.overrun, at.session.state.overruns]).toEqual([null, []]);
    const over = finishStep(s, 0, 'k', later(5 * 60_000 + 1));
    expect(over.kind === 'next' && [over.overrun, over.session.state.overruns]).toEqual([6, [{ step: 0, minutes: 6 }]]);
    const unbudgeted = finishStep(added(session(), 'a', 'answer'), 0, 'k', later(600 * 60_000));
    expect(unbudgeted.kind === 'next' && unbudgeted.overrun).toBe(null);
  });

  it('is idle after more than 60 minutes without activity, and only while open', () => {
    expect(isIdle(session(), later(60 * 60_000))).toBe(false);
    expect(isIdle(session(), later(60 * 60_000 + 1))).toBe(true);
    expect(isIdle(session({ status: 'finished' }), later(61 * 60_000))).toBe(false);
  });

  it('reads typed done and skip, and budgets from 1 to 120 minutes or off', () => {
    expect(['done', ' Done. ', 'DONE!', 'skip', 'done with it'].map(typedCommand)).toEqual(['done', 'done', 'done', 'skip', null]);
    expect([parseBudget('1'), parseBudget('120'), parseBudget('off'), parseBudget('OFF')]).toEqual([
      { ok: true, minutes: 1 },
      { ok: true, minutes: 120 },
      { ok: true, minutes: null },
      { ok: true, minutes: null },
    ]);
    for (const bad of ['0', '121', '1.5', '-1', 'soon', undefined]) expect(parseBudget(bad).ok, String(bad)).toBe(false);
  });

  it('starts with an empty answer per step, no presses, and trims what a member typed', () => {
    expect(newMockState({ memberName: 'ada', probes: 3, at: AT, budgetMinutes: 5, direct: false, buttons: true })).toEqual({
      memberName: 'ada',
      answers: [[], [], [], []],
      doneKeys: [],
      stepStartedAt: '2026-11-23T08:00:00.000Z',
      budgetMinutes: 5,
      overruns: [],
      steps: 4,
      direct: false,
      buttons: true,
    });
    expect(added(session(), 'a', '  padded answer \n').state.answers[0]).toEqual([{ key: 'a', text: 'padded answer' }]);
  });

  it('reads only a whole word as done, and explains a bad budget naming the word (clipped)', () => {
    expect(['done..', 'done!!', 'do.ne', 'd.one', 'xoff'].map(typedCommand)).toEqual(['done', 'done', null, null, null]);
    for (const bad of ['xoff', 'offx', 'off5']) expect(parseBudget(bad).ok, bad).toBe(false);
    const hint = 'Give minutes from 1 to 120, such as `/mlq mock budget 5`, or `off`.';
    expect(parseBudget(undefined)).toEqual({ ok: false, text: hint });
    expect(parseBudget('0')).toEqual({ ok: false, text: `\`0\` is not a budget. ${hint}` });
    expect(parseBudget('x'.repeat(30))).toEqual({ ok: false, text: `\`${'x'.repeat(20)}\` is not a budget. ${hint}` });
  });
});

describe('a mock step with no stored answers (a state saved by an older version)', () => {
  const withoutAnswers = () => {
    const s = session();
    return { ...s, state: { ...s.state, answers: [] } };
  };

  it('counts as empty when the member presses Done', () => {
    expect(finishStep(withoutAnswers(), 0, 'press:0', AT)).toEqual({ kind: 'empty' });
  });

  it('can still be skipped', () => {
    expect(finishStep(withoutAnswers(), 0, 'press:0', AT, true).kind).toBe('next');
  });
});
