import { describe, expect, it } from 'vitest';
import { questionSchema } from '../../src/core/question-schema.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

/** A statistics question that passes every rule. */
const BASE = {
  id: 'base-rate',
  category: 'statistics',
  level: 'mid',
  prompt: 'Why does the base rate matter?',
  tldr: 'Rare events stay rare after a positive test.',
  strong_answer: words(120),
  weak_answer: words(40),
  key_points: ['Names the base rate', 'Uses Bayes', 'Gives a number'],
  probes: [
    { question: 'And with a rarer event?', guidance: 'Fewer true positives.' },
    { question: 'And a better test?', guidance: 'More of them.' },
  ],
  tags: ['bayes', 'base rate'],
};
const APPROACH = { objective: 'o', options: 'o', choice: 'c', limits: 'l', metrics: 'm', monitoring: 'm' };
const STORY = { situation: 's', task: 't', action: 'a', result: 'r', listen_for: 'l' };
const SOLUTION = { code: 'def f():\n    return 1', complexity: 'O(1)', edge_cases: ['empty', 'one'], tests: ['f() == 1', 'f() != 2'] };

/** Each problem as `path: message`, in the schema's order. */
function problems(changes: Record<string, unknown>): string[] {
  const parsed = questionSchema.safeParse({ ...BASE, ...changes });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the question schema', () => {
  it('accepts the base question and each category with its own block', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ category: 'case-studies', approach: APPROACH })).toEqual([]);
    expect(problems({ category: 'system-design', approach: APPROACH })).toEqual([]);
    expect(problems({ category: 'behavioural', story: STORY })).toEqual([]);
    expect(problems({ category: 'coding', solution: SOLUTION })).toEqual([]);
  });

  it('asks each category for its block and refuses a block of another category', () => {
    expect(problems({ category: 'case-studies' })).toEqual(['approach: case-studies questions need an approach block']);
    expect(problems({ category: 'system-design' })).toEqual(['approach: system-design questions need an approach block']);
    expect(problems({ approach: APPROACH })).toEqual(['approach: only case-studies and system-design questions have an approach block']);
    expect(problems({ category: 'behavioural' })).toEqual(['story: behavioural questions need a story block']);
    expect(problems({ story: STORY })).toEqual(['story: only behavioural questions have a story block']);
    expect(problems({ category: 'coding' })).toEqual(['solution: coding questions need a solution block']);
    expect(problems({ solution: SOLUTION })).toEqual(['solution: only coding questions have a solution block']);
    expect(problems({ category: 'behavioural', story: STORY, approach: APPROACH, solution: SOLUTION })).toEqual([
      'approach: only case-studies and system-design questions have an approach block',
      'solution: only coding questions have a solution block',
    ]);
  });

  it('counts the words of the answers at each limit', () => {
    expect(problems({ strong_answer: words(119) })).toEqual(['strong_answer: strong_answer has 119 words; it needs 120 to 300']);
    expect(problems({ strong_answer: words(300) })).toEqual([]);
    expect(problems({ strong_answer: words(301) })).toEqual(['strong_answer: strong_answer has 301 words; it needs 120 to 300']);
    expect(problems({ weak_answer: words(39) })).toEqual(['weak_answer: weak_answer has 39 words; it needs 40 to 150']);
    expect(problems({ weak_answer: words(150) })).toEqual([]);
    expect(problems({ weak_answer: words(151) })).toEqual(['weak_answer: weak_answer has 151 words; it needs 40 to 150']);
  });

  it('keeps the prompt a sentence and the one-liner one line of at most 25 words', () => {
    expect(problems({ prompt: 'Explain the base rate.' })).toEqual([]);
    expect(problems({ prompt: 'Explain the base rate' })).toEqual(['prompt: prompt must end with ? or .']);
    expect(problems({ prompt: 'Is it? No' })).toEqual(['prompt: prompt must end with ? or .']);
    expect(problems({ prompt: '  Why?  ' })).toEqual([]);
    expect(problems({ prompt: '   ' })).toEqual(['prompt: prompt is empty', 'prompt: prompt must end with ? or .']);
    expect(problems({ prompt: `${'x'.repeat(599)}?` })).toEqual([]);
    expect(problems({ prompt: `${'x'.repeat(600)}?` })).toEqual(['prompt: prompt is longer than 600 characters']);
    expect(problems({ prompt: 7 })).toEqual(['prompt: prompt must be text']);
    expect(problems({ tldr: words(25) })).toEqual([]);
    expect(problems({ tldr: words(26) })).toEqual(['tldr: tldr has 26 words; it needs at most 25']);
    expect(problems({ tldr: 'one line\nand another' })).toEqual(['tldr: tldr must be one line']);
  });

  it('limits the code of a solution to 40 lines of at most 72 characters', () => {
    const code = (lines: number, width = 10) => Array.from({ length: lines }, () => 'x'.repeat(width)).join('\n');
    const coding = (changes: Record<string, unknown>) => problems({ category: 'coding', solution: { ...SOLUTION, ...changes } });
    expect(coding({ code: code(40, 72) })).toEqual([]);
    expect(coding({ code: code(41) })).toEqual(['solution.code: solution.code has more than 40 lines']);
    expect(coding({ code: `${code(1, 72)}\n${code(1, 73)}` })).toEqual([
      'solution.code: solution.code has a line longer than 72 characters',
    ]);
    expect(coding({ code: ' ' })).toEqual(['solution.code: solution.code is empty']);
  });

  it('checks the lists and the steps of a structured block', () => {
    expect(problems({ key_points: ['a', 'b'] })).toEqual(['key_points: key_points needs 3 to 6 items']);
    expect(problems({ key_points: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual([]);
    expect(problems({ key_points: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] })).toEqual(['key_points: key_points needs 3 to 6 items']);
    expect(problems({ tags: ['Bayes', 'ok'] })).toEqual(['tags.0: tags must be lowercase words']);
    expect(problems({ id: 'Base_Rate' })).toEqual(['id: id must be kebab-case (a-z, 0-9 and dashes)']);
    expect(problems({ category: 'case-studies', approach: { ...APPROACH, limits: 'x'.repeat(801) } })).toEqual([
      'approach.limits: approach.limits is longer than 800 characters',
    ]);
    expect(problems({ category: 'behavioural', story: { ...STORY, task: '' } })).toEqual(['story.task: story.task is empty']);
  });
});
