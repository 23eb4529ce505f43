import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/bank/load.ts';
import { NEAR_DUPLICATE, nearDuplicates, pairScores, terms } from '../../src/bank/near-duplicates.ts';

/** The ten questions of the five pairs a hiring manager's review found asking the same thing (issue 15). */
const fixture = loadBank(resolve('tests/fixtures/bank-duplicates'));
const questions = fixture.questions.map((l) => l.question);
const KNOWN = [
  'batch-vs-online-inference ~ batch-vs-online-inference-choice',
  'prioritise-models-small-team ~ prioritising-ml-roadmap-requests',
  'cost-based-threshold-selection ~ imbalance-cost-before-technique',
  'detecting-overfitting-after-deployment ~ offline-online-gap-diagnosis',
  'overfitting-deep-net-intervention-order ~ overfitting-remediation-plan',
];
const key = (a: string, b: string) => [a, b].sort().join(' ~ ');

describe('near-duplicate questions: prompt, key points and tags together', () => {
  it('ranks the five known duplicate pairs above every other pair of their ten questions', () => {
    expect(fixture.problems).toEqual([]);
    const ranked = pairScores(questions).map((p) => key(p.a, p.b));
    expect(ranked).toHaveLength(45);
    expect(ranked.slice(0, 5)).toEqual(KNOWN);
  });

  it('names both ids and the three part scores, on the later file of the pair', () => {
    expect(nearDuplicates(fixture.questions)).toEqual([
      {
        file: 'tests/fixtures/bank-duplicates/system-design/batch-vs-online-inference-choice.yaml',
        line: 1,
        message:
          'batch-vs-online-inference-choice nearly duplicates batch-vs-online-inference (score 43 %: prompt 19 %, ' +
          'key points 40 %, tags 86 %); merge them or give one a different angle',
      },
    ]);
  });

  it('flags a pair at the threshold and not just below it', () => {
    const pairs = pairScores(questions);
    const fifth = pairs[4]!;
    expect(key(fifth.a, fifth.b)).toBe(KNOWN[4]);
    const flagged = (threshold: number) => nearDuplicates(fixture.questions, threshold).map((p) => p.message.split(' (')[0]);
    expect(flagged(fifth.score)).toHaveLength(5);
    expect(flagged(fifth.score + 1e-9)).toHaveLength(4);
    expect(flagged(pairs[5]!.score - 1e-9)).toHaveLength(6);
  });

  it('does not flag two clearly different questions', () => {
    const two = fixture.questions.filter((l) => ['batch-vs-online-inference', 'prioritising-ml-roadmap-requests'].includes(l.question.id));
    expect(two).toHaveLength(2);
    expect(nearDuplicates(two)).toEqual([]);
    const pair = pairScores(questions).find((p) => key(p.a, p.b) === 'batch-vs-online-inference ~ prioritising-ml-roadmap-requests')!;
    expect(pair.score).toBeLessThan(0.05);
    expect(NEAR_DUPLICATE).toBe(0.27);
  });

  it('folds spelling, synonyms and number forms before comparing', () => {
    expect(terms('The net memorises its data')).toEqual(terms('The net overfits its data'));
    expect(terms('regularization')).toEqual(terms('weight decay'));
    expect(terms('0.99 on training')).toEqual(terms('99 % on training'));
    expect(terms('an API for real-time inference')).toEqual(['api', '_serving', '_serving']);
  });
});
