import { describe, expect, it } from 'vitest';
import { finishStep, type MockSession, newMockState } from '../../src/core/mock-rules.ts';

const AT = new Date('2026-11-23T08:00:00Z');

/** A session whose stored state lacks the answers of its steps, as a state saved by an older version may. */
function withoutAnswers(): MockSession {
  const state = newMockState({ memberName: 'ada', probes: 2, at: AT, budgetMinutes: null, direct: true, buttons: true });
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
    state: { ...state, answers: [] },
  };
}

describe('a mock step with no stored answers', () => {
  it('counts as empty when the member presses Done', () => {
    expect(finishStep(withoutAnswers(), 0, 'press:0', AT)).toEqual({ kind: 'empty' });
  });

  it('can still be skipped', () => {
    expect(finishStep(withoutAnswers(), 0, 'press:0', AT, true).kind).toBe('next');
  });
});
