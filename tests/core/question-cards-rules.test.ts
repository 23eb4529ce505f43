import { describe, expect, it } from 'vitest';
import type { Block, Card } from '../../src/core/message.ts';
import {
  answeredCard,
  practiceCard,
  practiceRevealCard,
  questionCard,
  revealAgainCard,
  revealCard,
  revealedRootCard,
  revealRecapCard,
  skippedRootCard,
} from '../../src/core/question-cards.ts';
import type { Question, Round } from '../../src/core/types.ts';

const question: Question = {
  id: 'evaluation-901',
  category: 'evaluation',
  level: 'mid',
  prompt: 'How would you tell whether a fraud model is well calibrated?',
  strong_answer: 'Bin the scores and compare the mean score of each bin with the fraud rate observed in it.',
  weak_answer: 'Quotes the AUC and stops there.',
  key_points: ['A reliability diagram', 'Expected calibration error'],
  probes: [
    { question: 'What changes when fraud is rare?', guidance: 'Wider bins, or an isotonic fit.' },
    { question: 'Which recalibration would you try first?', guidance: 'Platt scaling on held-out data.' },
  ],
  tags: [],
};

const design: Question = {
  ...question,
  id: 'system-design-901',
  category: 'system-design',
  level: 'senior',
  approach: {
    objective: 'Who sees the feed, and what counts as a good session',
    options: 'Two towers, or a single ranker',
    choice: 'Two towers, then a ranker',
    limits: 'Fresh items lack history',
    metrics: 'Long clicks per session',
    monitoring: 'Drift in the click rate by region',
  },
};

const story: Question = {
  ...question,
  id: 'behavioural-901',
  category: 'behavioural',
  level: 'junior',
  story: {
    situation: 'A launch slipped',
    task: 'Tell the sponsor',
    action: 'Wrote a one-page plan',
    result: 'The sponsor agreed a new date',
    listen_for: 'Ownership without blame',
  },
};

/** 02:30 UTC on Tuesday is still Monday evening in New York: the card must show the channel's local day. */
const round = { id: 42, revealAt: new Date('2026-12-01T02:30:00Z') } as Round;
const NY = 'America/New_York';

const heading = (b: Block): string => {
  if (b.type === 'text') return b.markdown.split('\n')[0] ?? '';
  if (b.type === 'list') return b.title ?? '(untitled list)';
  if (b.type === 'fields') return `fields: ${b.fields.map((f) => f.label).join(', ')}`;
  if (b.type === 'context') return / answered\. /.test(b.markdown) ? 'answered line' : 'context';
  return b.type;
};
/** The headings of a card that appear in `expected`, in card order: other blocks (such as a summary line) are ignored. */
const inOrder = (c: Card, expected: string[]) => c.blocks.map(heading).filter((h) => expected.includes(h));
/** Every block is one the renderers know, whatever else a card gains. */
const kinds = (c: Card) => [...new Set(c.blocks.map((b) => (typeof b === 'object' ? b.type : typeof b)))].sort();
const textStarting = (c: Card, start: string) =>
  c.blocks.filter((b): b is Extract<Block, { type: 'text' }> => b.type === 'text' && b.markdown.startsWith(start)).map((b) => b.markdown);
const listTitled = (c: Card, title: string) =>
  c.blocks.find((b): b is Extract<Block, { type: 'list' }> => b.type === 'list' && b.title === title);
const fieldsOf = (c: Card) => c.blocks.filter((b): b is Extract<Block, { type: 'fields' }> => b.type === 'fields').map((b) => b.fields);
const contexts = (c: Card) => c.blocks.filter((b): b is Extract<Block, { type: 'context' }> => b.type === 'context').map((b) => b.markdown);
/** The closing line that counts who answered, wherever it sits among the context lines. */
const answeredLine = (c: Card) => contexts(c).find((m) => / answered\. /.test(m));
const buttonsOf = (c: Card) => c.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));

const STRONG = '**What a strong answer covers**';
const WEAK = '**What a weak answer sounds like**';
const KEY = '**Key points a reviewer looks for**';
const SEALED = '**Sealed answers**';
const PROBES = '**Follow-up probes an interviewer would ask next**';
const APPROACH = 'fields: Clarify, Options, Choice, Limits, Metrics, Monitoring';
const STORY = 'fields: Situation, Task, Action, Result, Interviewers listen for';

describe('the daily question card', () => {
  it('names category and level, bolds the question and gives the local reveal day for thread answers by default', () => {
    const c = questionCard(question, round, NY);
    expect(c.title).toBe('Question of the day · Model evaluation · mid');
    expect(textStarting(c, '**How would')).toEqual(['**How would you tell whether a fraud model is well calibrated?**']);
    expect(contexts(c)).toEqual([
      'Answer in this thread before the reveal on Mon 21:30 (America/New_York). Your first reply is your answer; later replies are discussion.',
    ]);
    expect(c.fallback).toBe('Question of the day (Model evaluation · mid): How would you tell whether a fraud model is well calibrated?');
  });

  it('offers the private answer button for the round, and sends members to it where threads are not read', () => {
    expect(buttonsOf(questionCard(question, round, NY))).toEqual([{ label: 'Answer privately', action: 'answer.sealed', value: '42' }]);
    const c = questionCard(question, round, 'UTC', false);
    expect(contexts(c)).toEqual(['Answer with the button below before the reveal on Tue 02:30 (UTC); discuss in the thread.']);
    expect(buttonsOf(c)).toEqual([{ label: 'Answer privately', action: 'answer.sealed', value: '42' }]);
  });

  it('tells a member who answered already when their answer counts', () => {
    const c = answeredCard(question, round, NY);
    expect(c.title).toBe('Question of the day · Model evaluation · mid');
    expect(c.blocks).toEqual([
      { type: 'text', markdown: '**How would you tell whether a fraud model is well calibrated?**' },
      {
        type: 'context',
        markdown:
          'Your answer is in: it counts when the round is revealed on Mon 21:30 (America/New_York). Further replies are discussion.',
      },
    ]);
  });
});

describe('the root post after the reveal or a skip', () => {
  it('marks the question revealed and counts members, singular only for one', () => {
    const c = revealedRootCard(question, 1);
    expect(c.title).toBe('Question of the day · Model evaluation · mid · revealed');
    expect(textStarting(c, '**How')).toEqual(['**How would you tell whether a fraud model is well calibrated?**']);
    expect(contexts(c)).toEqual(['Revealed · 1 member answered · the strong answer and the probes are in the thread.']);
    expect(contexts(revealedRootCard(question, 0))[0]).toBe(
      'Revealed · 0 members answered · the strong answer and the probes are in the thread.',
    );
    expect(contexts(revealedRootCard(question, 2))[0]).toMatch(/^Revealed · 2 members answered · /);
  });

  it('says a skipped question was skipped by an organiser', () => {
    expect(skippedRootCard(question)).toEqual({
      title: 'Question of the day · skipped',
      blocks: [
        { type: 'text', markdown: 'How would you tell whether a fraud model is well calibrated?' },
        { type: 'context', markdown: 'An organiser skipped this question; a new one follows.' },
      ],
      fallback: 'Question of the day · skipped\nHow would you tell whether a fraud model is well calibrated?',
    });
  });
});

describe('the reveal in the thread', () => {
  it('puts the strong answer, weak answer and key points before the divider and the numbered probes', () => {
    const c = revealCard(question, 3);
    expect(c.title).toBe('The reveal · Model evaluation · mid');
    expect(inOrder(c, [STRONG, WEAK, KEY, SEALED, 'divider', PROBES, 'answered line'])).toEqual([
      STRONG,
      WEAK,
      KEY,
      'divider',
      PROBES,
      'answered line',
    ]);
    expect(textStarting(c, STRONG)).toEqual([
      '**What a strong answer covers**\n\nBin the scores and compare the mean score of each bin with the fraud rate observed in it.',
    ]);
    expect(textStarting(c, WEAK)).toEqual(['**What a weak answer sounds like**\n\nQuotes the AUC and stops there.']);
    expect(listTitled(c, KEY)).toEqual({
      type: 'list',
      title: KEY,
      items: ['A reliability diagram', 'Expected calibration error'],
      ordered: false,
    });
    expect(listTitled(c, PROBES)).toEqual({
      type: 'list',
      title: PROBES,
      items: ['What changes when fraud is rare?', 'Which recalibration would you try first?'],
      ordered: true,
    });
    expect(fieldsOf(c)).toEqual([]);
    expect(kinds(c)).toEqual(['context', 'divider', 'list', 'text']);
  });

  it('counts who answered and names the probe bonus and its minimum length', () => {
    expect(answeredLine(revealCard(question, 3))).toBe('3 members answered. Reply here to a probe (at least 8 words) for 5 bonus points.');
    expect(answeredLine(revealCard(question, 1))).toBe('1 member answered. Reply here to a probe (at least 8 words) for 5 bonus points.');
    expect(answeredLine(revealCard(question, 0))).toMatch(/^0 members answered\./);
  });

  it('has a plain fallback naming the question and the number of probes', () => {
    expect(revealCard(question, 3).fallback).toContain(
      'The reveal: what a strong answer to "How would you tell whether a fraud model is well calibrated?" covers, and 2 follow-up probes.',
    );
  });

  it('shows sealed answers, one line each with whitespace collapsed, between the key points and the probes', () => {
    const c = revealCard(question, 2, [
      { name: 'ada', text: '  Bin   the scores,\n\n compare\twith the rate.  ' },
      { name: 'bob', text: 'Use a reliability diagram.' },
    ]);
    expect(inOrder(c, [KEY, SEALED, 'divider', PROBES])).toEqual([KEY, SEALED, 'divider', PROBES]);
    expect(listTitled(c, SEALED)).toEqual({
      type: 'list',
      title: SEALED,
      items: ['**ada**: Bin the scores, compare with the rate.', '**bob**: Use a reliability diagram.'],
      ordered: false,
    });
    expect(listTitled(revealCard(question, 2, []), SEALED)).toBeUndefined();
  });

  it('quotes a sealed answer of 600 characters whole and cuts a longer one to 600 with an ellipsis', () => {
    const sealedItem = (text: string) => listTitled(revealCard(question, 1, [{ name: 'ada', text }]), SEALED)?.items[0];
    const at = 'a'.repeat(600);
    expect(sealedItem(`  ${at}  `)).toBe(`**ada**: ${at}`);
    expect(sealedItem('a'.repeat(599))).toBe(`**ada**: ${'a'.repeat(599)}`);
    expect(sealedItem('a'.repeat(601))).toBe(`**ada**: ${'a'.repeat(599)}…`);
  });

  it('adds the structured approach of a design question after the strong answer', () => {
    const c = revealCard(design, 1);
    expect(c.title).toBe('The reveal · ML system design · senior');
    expect(inOrder(c, [STRONG, APPROACH, STORY, WEAK, KEY])).toEqual([STRONG, APPROACH, WEAK, KEY]);
    expect(fieldsOf(c)).toEqual([
      [
        { label: 'Clarify', value: 'Who sees the feed, and what counts as a good session' },
        { label: 'Options', value: 'Two towers, or a single ranker' },
        { label: 'Choice', value: 'Two towers, then a ranker' },
        { label: 'Limits', value: 'Fresh items lack history' },
        { label: 'Metrics', value: 'Long clicks per session' },
        { label: 'Monitoring', value: 'Drift in the click rate by region' },
      ],
    ]);
  });

  it('adds the shape of a strong story to a behavioural question after the strong answer', () => {
    const c = revealCard(story, 1);
    expect(c.title).toBe('The reveal · Behavioural and communication · junior');
    expect(inOrder(c, [STRONG, APPROACH, STORY, WEAK, KEY])).toEqual([STRONG, STORY, WEAK, KEY]);
    expect(fieldsOf(c)).toEqual([
      [
        { label: 'Situation', value: 'A launch slipped' },
        { label: 'Task', value: 'Tell the sponsor' },
        { label: 'Action', value: 'Wrote a one-page plan' },
        { label: 'Result', value: 'The sponsor agreed a new date' },
        { label: 'Interviewers listen for', value: 'Ownership without blame' },
      ],
    ]);
  });
});

describe('a revealed round shown again', () => {
  it('shows the question, the reveal, the probes and the member’s own answer with its points', () => {
    const c = revealAgainCard(question, 4, { text: 'Compare   bins\nwith rates.', points: 12 });
    expect(c.title).toBe("Today's question · Model evaluation · mid · revealed");
    const QUESTION = '**How would you tell whether a fraud model is well calibrated?**';
    const OWN = '**Your answer** · 12 points in this round';
    expect(inOrder(c, [QUESTION, STRONG, WEAK, KEY, 'divider', PROBES, OWN, 'answered line'])).toEqual([
      QUESTION,
      STRONG,
      WEAK,
      KEY,
      'divider',
      PROBES,
      OWN,
      'answered line',
    ]);
    expect(textStarting(c, '**Your answer**')).toEqual(['**Your answer** · 12 points in this round\n\nCompare bins with rates.']);
    expect(listTitled(c, PROBES)?.items).toEqual(['What changes when fraud is rare?', 'Which recalibration would you try first?']);
    expect(listTitled(c, PROBES)?.ordered).toBe(true);
    expect(answeredLine(c)).toBe('4 members answered. Reply in its thread to a probe (at least 8 words) for 5 bonus points.');
  });

  it('uses the singular for one point and one member, and says so when the member did not answer', () => {
    const one = revealAgainCard(question, 1, { text: 'Bins.', points: 1 });
    expect(textStarting(one, '**Your answer**')).toEqual(['**Your answer** · 1 point in this round\n\nBins.']);
    expect(answeredLine(one)).toBe('1 member answered. Reply in its thread to a probe (at least 8 words) for 5 bonus points.');
    const none = revealAgainCard(design, 0, null);
    expect(textStarting(none, '**Your answer**')).toEqual(['**Your answer** · you did not answer this one.']);
    expect(answeredLine(none)).toMatch(/^0 members answered\. /);
    expect(inOrder(none, [STRONG, APPROACH, WEAK])).toEqual([STRONG, APPROACH, WEAK]);
    expect(textStarting(revealAgainCard(question, 2, { text: 'x', points: 0 }), '**Your answer**')).toEqual([
      '**Your answer** · 0 points in this round\n\nx',
    ]);
  });
});

describe('the private recap at the reveal', () => {
  it('shows the member’s answer with its points and the probe bonus', () => {
    expect(revealRecapCard({ text: ' Bins\n\nand rates ', points: 10 })).toEqual({
      title: 'Your answer · 10 points',
      blocks: [
        { type: 'text', markdown: 'Bins and rates' },
        { type: 'context', markdown: 'Compare it with the strong answer above. A reply to a probe (at least 8 words) adds 5 points.' },
      ],
      fallback: 'Your answer · 10 points\nBins and rates',
    });
    expect(revealRecapCard({ text: 'Bins', points: 1 }).title).toBe('Your answer · 1 point');
  });
});

describe('practice', () => {
  it('asks the question privately with a primary button, or the solution command, to reveal the answer', () => {
    const c = practiceCard(question);
    expect(c.title).toBe('Practice · Model evaluation · mid');
    expect(c.blocks).toEqual([
      { type: 'text', markdown: '**How would you tell whether a fraud model is well calibrated?**' },
      { type: 'context', markdown: 'Think it through or write your answer down, then reveal the strong answer.' },
      {
        type: 'buttons',
        buttons: [
          { label: 'Reveal the answer', action: 'practice.reveal', value: 'evaluation-901', command: '/mlq solution', style: 'primary' },
        ],
      },
    ]);
  });

  it('reveals the answer with each probe followed by what a good reply covers', () => {
    const c = practiceRevealCard(story);
    const TITLE = '**Follow-up probes, with what a good reply covers**';
    expect(c.title).toBe('Practice reveal · Behavioural and communication · junior');
    expect(inOrder(c, [STRONG, STORY, WEAK, KEY, 'divider', TITLE])).toEqual([STRONG, STORY, WEAK, KEY, 'divider', TITLE]);
    expect(listTitled(c, TITLE)).toEqual({
      type: 'list',
      title: TITLE,
      items: [
        'What changes when fraud is rare? *A good reply:* Wider bins, or an isotonic fit.',
        'Which recalibration would you try first? *A good reply:* Platt scaling on held-out data.',
      ],
      ordered: true,
    });
  });
});
