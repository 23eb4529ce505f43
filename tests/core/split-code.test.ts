import { describe, expect, it } from 'vitest';
import { card, cardLength, code, text } from '../../src/core/message.ts';
import { practiceRevealCard, revealCard } from '../../src/core/question-cards.ts';
import { solutionBlocks } from '../../src/core/solution-card.ts';
import { splitCode } from '../../src/core/split-text.ts';
import { CODING_QUESTION, wideCode } from '../helpers/coding-question.ts';

const OPEN = '```\n';
const CLOSE = '\n```';
/** A 40-line, 72-column solution is 40 × 72 + 39 line breaks = 2,919 characters; fenced, 2,927. */
const CODE = wideCode();

describe('code splits into fenced pieces, only between lines', () => {
  it('keeps a 40-line, 72-column solution whole at the limit and above it, and splits it one character below', () => {
    expect(CODE).toHaveLength(2919);
    expect(splitCode(CODE, 2927, OPEN, CLOSE)).toEqual([`${OPEN}${CODE}${CLOSE}`]);
    expect(splitCode(CODE, 2928, OPEN, CLOSE)).toEqual([`${OPEN}${CODE}${CLOSE}`]);
    const lines = CODE.split('\n');
    expect(splitCode(CODE, 2926, OPEN, CLOSE)).toEqual([`${OPEN}${lines.slice(0, 39).join('\n')}${CLOSE}`, `${OPEN}${lines[39]}${CLOSE}`]);
  });

  it('fills each piece up to the limit, every piece closing its fence and the next reopening it', () => {
    const pieces = splitCode(CODE, 8 + 73 * 10 - 1, OPEN, CLOSE);
    expect(pieces).toHaveLength(4);
    for (const piece of pieces) {
      expect(piece.length).toBe(737);
      expect(piece.startsWith(OPEN) && piece.endsWith(CLOSE)).toBe(true);
    }
    expect(pieces.map((p) => p.slice(OPEN.length, -CLOSE.length)).join('\n')).toBe(CODE);
  });

  it('keeps blank lines and indentation, and cuts only a line longer than a whole piece', () => {
    expect(splitCode('def f():\n\n    return 1', 30, OPEN, CLOSE)).toEqual([`${OPEN}def f():\n\n    return 1${CLOSE}`]);
    expect(splitCode('a'.repeat(25), 20, OPEN, CLOSE)).toEqual([
      `${OPEN}${'a'.repeat(12)}${CLOSE}`,
      `${OPEN}${'a'.repeat(12)}${CLOSE}`,
      `${OPEN}a${CLOSE}`,
    ]);
  });
});

describe('a coding question’s reveal', () => {
  it('shows the strong answer, then the solution as code, its complexity, edge cases and tests', () => {
    const solution = CODING_QUESTION.solution!;
    expect(solutionBlocks(CODING_QUESTION)).toEqual([
      text('**Reference solution** (Python with NumPy)'),
      code(solution.code, 'python'),
      text(`**Complexity:** ${solution.complexity}`),
      { type: 'list', title: '**Edge cases**', items: solution.edge_cases, ordered: false },
      text('**Tests a reviewer runs in their head**'),
      code(solution.tests.join('\n'), 'python'),
    ]);
    for (const reveal of [revealCard(CODING_QUESTION, 2), practiceRevealCard(CODING_QUESTION)]) {
      const kinds = reveal.blocks.map((b) => (b.type === 'text' ? b.markdown.split('\n')[0] : b.type));
      expect(kinds.slice(0, 7)).toEqual([
        '**What a strong answer covers**',
        '**Reference solution** (Python with NumPy)',
        'code',
        `**Complexity:** ${solution.complexity}`,
        'list',
        '**Tests a reviewer runs in their head**',
        'code',
      ]);
    }
  });

  it('adds nothing to the other categories', () => {
    expect(solutionBlocks({ ...CODING_QUESTION, category: 'fundamentals', solution: undefined })).toEqual([]);
  });

  it('counts code among a card’s characters', () => {
    expect(cardLength(card('abc', [text('de'), code('fgh')]))).toBe(8);
  });
});
