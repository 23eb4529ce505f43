import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/message.ts';
import {
  checkinCard,
  feedbackCard,
  feedbackForm,
  groupIntroCard,
  interviewerPackCard,
  metCard,
  PAIR_ACTIONS,
  PAIR_FEEDBACK_FORM,
  pairsStatusCard,
} from '../../src/core/pairs-cards.ts';
import type { PairGroupRow } from '../../src/core/repository.ts';
import type { Question } from '../../src/core/types.ts';

const Q: Question = {
  id: 'base-rate',
  category: 'statistics',
  level: 'mid',
  prompt: 'Why does the base rate matter?',
  tldr: 'Rare events stay rare.',
  strong_answer: 'Strong.',
  weak_answer: 'Weak.',
  key_points: ['Names the base rate', 'Uses Bayes', 'Gives a number'],
  probes: [
    { question: 'A rarer event?', guidance: 'Fewer true positives.' },
    { question: 'A better test?', guidance: 'More of them.' },
  ],
  tags: ['bayes', 'base rate'],
};
const names = new Map([
  ['test:ada', 'Ada'],
  ['test:bob', 'Bob'],
  ['test:cy', 'Cy'],
]);
const group = (members: string[], turns: PairGroupRow['turns']): PairGroupRow => ({
  id: 12,
  cycleId: 3,
  channelId: 'test:T1:C1',
  localDate: '2026-11-30',
  members,
  status: 'posted',
  spaceId: null,
  attempts: 1,
  progress: 1,
  checkinAt: new Date('2026-12-03T09:00:00Z'),
  turns,
});
const textOf = (c: Card, i: number) => {
  const b = c.blocks[i];
  return b && 'markdown' in b ? b.markdown : undefined;
};

describe('the group intro card', () => {
  it('names the pair, their turns with each question, and the check-in', () => {
    const pair = group(
      ['test:ada', 'test:bob'],
      [
        { interviewer: 'test:ada', candidate: 'test:bob', questionId: 'base-rate' },
        { interviewer: 'test:bob', candidate: 'test:ada', questionId: null },
      ],
    );
    expect(groupIntroCard(pair, new Map([['base-rate', Q]]), names, 'Thu 3 Dec 09:00 (UTC)')).toEqual({
      title: 'Mock-interview pair · week of 2026-11-30',
      fallback: 'Mock-interview pairs: Ada interviews Bob; Bob interviews Ada',
      blocks: [
        { type: 'text', markdown: "Hello **Ada** and **Bob**: you are this cycle's pair. Find 45 minutes this week." },
        {
          type: 'list',
          title: '**Roles**',
          ordered: true,
          items: ['First, **Ada** interviews **Bob** (Statistics and probability · mid).', 'Then, **Bob** interviews **Ada**.'],
        },
        {
          type: 'context',
          markdown:
            'Each interviewer has a private interviewer pack with the question, the key points, the probes and the strong answer ' +
            '(`/mlq pairs pack` in the channel shows it again). A check-in follows on Thu 3 Dec 09:00 (UTC).',
        },
      ],
    });
  });

  it('calls three a trio, orders First, Next, Then, and shows an unnamed member by id', () => {
    const trio = group(
      ['test:ada', 'test:bob', 'test:zed'],
      [
        { interviewer: 'test:ada', candidate: 'test:bob', questionId: 'gone' },
        { interviewer: 'test:bob', candidate: 'test:zed', questionId: null },
        { interviewer: 'test:zed', candidate: 'test:ada', questionId: null },
      ],
    );
    const c = groupIntroCard(trio, new Map(), names, 'Thu');
    expect(c.title).toBe('Mock-interview trio · week of 2026-11-30');
    expect(textOf(c, 0)).toBe("Hello **Ada**, **Bob** and **test:zed**: you are this cycle's trio. Find 45 minutes this week.");
    expect(c.blocks[1]).toMatchObject({
      items: ['First, **Ada** interviews **Bob**.', 'Next, **Bob** interviews **test:zed**.', 'Then, **test:zed** interviews **Ada**.'],
    });
    expect(c.fallback).toBe('Mock-interview pairs: Ada interviews Bob; Bob interviews test:zed; test:zed interviews Ada');
  });
});

describe('the interviewer pack', () => {
  it('says whom to interview and what to ask, then the reveal of the question', () => {
    const c = interviewerPackCard(Q, 'Bob');
    expect(c.title).toBe('Interviewer pack · Statistics and probability · mid');
    expect(c.fallback).toBe('Interviewer pack: ask Bob "Why does the base rate matter?"');
    expect(c.blocks.slice(0, 2)).toEqual([
      { type: 'text', markdown: 'You interview **Bob**. Ask, word for word:\n\n**Why does the base rate matter?**' },
      { type: 'context', markdown: 'Let them talk; then press on the probes below, in order. Keep this pack to yourself.' },
    ]);
    expect(JSON.stringify(c.blocks.slice(2))).toContain('Names the base rate');
  });
});

describe('the check-in and its reply', () => {
  it('asks the group whether they met, with three buttons carrying the group id', () => {
    expect(checkinCard(group(['test:ada', 'test:bob'], []), names)).toEqual({
      title: 'Did you meet?',
      fallback: expect.any(String),
      blocks: [
        {
          type: 'text',
          markdown:
            '**Ada** and **Bob**: did your mock interviews happen? When every one of you says yes, each earns 5 points, and you can ' +
            'send your candidate short feedback.',
        },
        {
          type: 'buttons',
          buttons: [
            { label: 'Yes, we met', action: 'pairs.met', value: '12', style: 'primary' },
            { label: 'Not yet', action: 'pairs.notyet', value: '12' },
            { label: 'Skip this week', action: 'pairs.skip', value: '12' },
          ],
        },
      ],
    });
    expect(PAIR_ACTIONS).toEqual({ met: 'pairs.met', notYet: 'pairs.notyet', skip: 'pairs.skip', feedback: 'pairs.feedback' });
  });

  it('says who is still to say yes, or that the points are given, with the feedback button', () => {
    expect(metCard(12, ['test:bob'], names, false)).toEqual({
      title: undefined,
      fallback: 'Noted. The points come once Bob says yes too.',
      blocks: [
        { type: 'text', markdown: 'Noted. The points come once **Bob** says yes too.' },
        { type: 'buttons', buttons: [{ label: 'Give feedback', action: 'pairs.feedback', value: '12', style: 'primary' }] },
      ],
    });
    expect(textOf(metCard(12, ['test:bob', 'test:cy'], names, true), 0)).toBe(
      'Noted. The points come once **Bob** and **Cy** say yes too.',
    );
    expect(textOf(metCard(12, [], names, true), 0)).toBe('Everyone met: 5 points each.');
    expect(textOf(metCard(12, [], names, false), 0)).toBe('Everyone met; the points are already on the board.');
  });
});

describe('feedback', () => {
  it('asks for four short fields about the candidate', () => {
    expect(feedbackForm(12, 'Bob')).toEqual({
      id: 'mlq.pairs.feedback',
      value: '12',
      title: 'Feedback for Bob',
      submit: 'Send',
      fields: [
        { id: 'structure', label: 'Structure', hint: 'Goes privately to Bob. Was the answer organised?', maxLength: 300 },
        { id: 'depth', label: 'Depth', hint: 'How far did it go on the probes?', maxLength: 300 },
        { id: 'communication', label: 'Communication', hint: 'Pace, clarity, checking assumptions.', maxLength: 300 },
        { id: 'advice', label: 'One line of advice', maxLength: 200 },
      ],
    });
    expect(PAIR_FEEDBACK_FORM).toBe('mlq.pairs.feedback');
  });

  it('gives the candidate each field under its name', () => {
    const feedback = {
      groupId: 12,
      fromMember: 'test:ada',
      toMember: 'test:bob',
      structure: 'Clear.',
      depth: 'Deep.',
      communication: 'Calm.',
      advice: 'Slow down.',
    };
    expect(feedbackCard(feedback, 'Ada')).toEqual({
      title: 'Feedback from your mock interview with Ada',
      fallback: expect.any(String),
      blocks: [
        { type: 'list', items: ['**Structure:** Clear.', '**Depth:** Deep.', '**Communication:** Calm.'], ordered: false },
        { type: 'text', markdown: '**Advice:** Slow down.' },
      ],
    });
  });
});

describe('the pairs status', () => {
  const base = {
    joined: true,
    snoozedUntil: null,
    next: new Date('2026-11-30T08:00:00Z'),
    timezone: 'Europe/Berlin',
    partners: [],
    names,
    cycleDate: null,
  };

  it('says whether the member is in, snoozed, when the next cycle is and who their partners are', () => {
    expect(
      pairsStatusCard({ ...base, level: 'senior', snoozedUntil: '2026-12-13', partners: ['test:bob'], cycleDate: '2026-11-23' }),
    ).toEqual({
      title: 'Mock-interview pairs',
      fallback: expect.any(String),
      blocks: [
        {
          type: 'text',
          markdown:
            'You are in the weekly mock-interview pairs as senior.\nSnoozed: you sit out every cycle up to 2026-12-13.\n' +
            'Next cycle: Mon 30 Nov 09:00 (Europe/Berlin).\nYour partner since 2026-11-23: **Bob**.',
        },
        {
          type: 'context',
          markdown: '`/mlq pairs join [junior|mid|senior] [zone]`, `leave`, `snooze <weeks>`, `pack` (your interviewer pack).',
        },
      ],
    });
  });

  it('covers the member who is out, with no cycle, and with two partners', () => {
    expect(textOf(pairsStatusCard({ ...base, joined: false, next: null }), 0)).toBe(
      'You are not in the mock-interview pairs. `/mlq pairs join` opts you in.\n' +
        'No pairing cycle is set; an organiser sets one with `/mlq config pairs mon 09:00`.\nYou have no partner this cycle.',
    );
    expect(textOf(pairsStatusCard({ ...base, partners: ['test:bob', 'test:cy'], cycleDate: '2026-11-23' }), 0)).toBe(
      'You are in the weekly mock-interview pairs.\nNext cycle: Mon 30 Nov 09:00 (Europe/Berlin).\n' +
        'Your partners since 2026-11-23: **Bob** and **Cy**.',
    );
  });
});
