import { type Block, code, list, text } from './message.ts';
import type { Question } from './types.ts';

/**
 * A coding question's reference solution for the reveal: the code as a code block, then its complexity, the edge cases
 * and the tests a reviewer runs in their head (as code too). Nothing for the other categories.
 */
export function solutionBlocks(q: Question): Block[] {
  if (!q.solution) return [];
  const { solution } = q;
  return [
    text('**Reference solution** (Python with NumPy)'),
    code(solution.code, 'python'),
    text(`**Complexity:** ${solution.complexity}`),
    list(solution.edge_cases, '**Edge cases**'),
    text('**Tests a reviewer runs in their head**'),
    code(solution.tests.join('\n'), 'python'),
  ];
}
