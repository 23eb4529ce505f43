import { describe, expect, it } from 'vitest';
import { card, code } from '../../src/core/message.ts';
import { practiceRevealCard } from '../../src/core/question-cards.ts';
import { LIMITS, renderMessages } from '../../src/platforms/slack/render.ts';
import { wideCode, withCode } from '../helpers/coding-question.ts';

/** The section texts of a card as Slack receives them. */
const sections = (blocks: Parameters<typeof card>[1]) =>
  renderMessages(card(undefined, blocks)).flatMap((m) => m.blocks.map((b) => (b as { text?: { text: string } }).text?.text ?? ''));

/** A 40-line, 72-column solution whose first line ends in `amps` ampersands and `lts` less-than signs. */
function escapedCode(amps: number, lts: number): string {
  const lines = wideCode().split('\n');
  lines[0] = `${lines[0]!.slice(0, 72 - amps - lts)}${'&'.repeat(amps)}${'<'.repeat(lts)}`;
  return lines.join('\n');
}

describe('Slack shows code in mrkdwn ``` blocks within the 3,000-character section', () => {
  it('keeps a 40-line, 72-column solution in one section at the limit and below it, escaped', () => {
    expect(LIMITS.section).toBe(3000);
    // 2,919 characters, + 16 × 4 for &amp; + 3 × 3 for &lt; = 2,992, + 8 for the fences = 3,000.
    const at = sections([code(escapedCode(16, 3), 'python')]);
    expect(at).toHaveLength(1);
    expect(at[0]).toHaveLength(3000);
    expect(at[0]!.startsWith(`\`\`\`\n# 01 ${'x'.repeat(48)}${'&amp;'.repeat(16)}&lt;&lt;&lt;\n# 02 `)).toBe(true);
    expect(at[0]!.endsWith(`\n# 40 ${'x'.repeat(67)}\n\`\`\``)).toBe(true);
    const below = sections([code(escapedCode(18, 0), 'python')]);
    expect(below.map((s) => s.length)).toEqual([2999]);
  });

  it('one character above the limit closes the fence after line 39 and reopens it for line 40', () => {
    const above = sections([code(escapedCode(17, 2), 'python')]);
    expect(above.map((s) => s.length)).toEqual([3001 - 73, 8 + 72]);
    expect(above[0]!.endsWith(`\n# 39 ${'x'.repeat(67)}\n\`\`\``)).toBe(true);
    expect(above[1]).toBe(`\`\`\`\n# 40 ${'x'.repeat(67)}\n\`\`\``);
  });

  it('shows a coding reveal as strong answer, solution, complexity, edge cases and tests, every section within the limits', () => {
    const messages = renderMessages(practiceRevealCard(withCode(wideCode())));
    expect(messages).toHaveLength(1);
    const texts = messages[0]!.blocks.map((b) => (b as { text?: { text: string } }).text?.text ?? '');
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(LIMITS.section);
    const at = (prefix: string) => texts.findIndex((t) => t.startsWith(prefix));
    const order = [
      at('*What a strong answer covers*'),
      at('*Reference solution* (Python with NumPy)'),
      at('```\n# 01 '),
      at('*Complexity:* O(n log n)'),
      at('*Edge cases*'),
      at('*Tests a reviewer runs in their head*'),
      at('```\nassert roc_auc([0.1, 0.9], [0, 1]) == 1.0\n'),
      at('*What a weak answer sounds like*'),
    ];
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(texts[order[2]!]).toBe(`\`\`\`\n${wideCode()}\n\`\`\``);
  });
});
