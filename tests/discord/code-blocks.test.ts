import { describe, expect, it } from 'vitest';
import { card, code, text } from '../../src/core/message.ts';
import { practiceRevealCard } from '../../src/core/question-cards.ts';
import { LIMITS, renderMessages } from '../../src/platforms/discord/render.ts';
import { wideCode, withCode } from '../helpers/coding-question.ts';

const CODE = wideCode();
/** The 40-line, 72-column solution fenced for Discord: 10 + 2,919 + 4 = 2,933 characters. */
const FENCED = `\`\`\`python\n${CODE}\n\`\`\``;

const descriptions = (blocks: Parameters<typeof card>[1]) =>
  renderMessages(card(undefined, blocks)).flatMap((m) => m.embeds.map((e) => e.description));

describe('Discord shows code in ```python blocks within the 4,096-character description', () => {
  it('adds a 40-line, 72-column solution to the text before it when both fit, exactly at the limit and below it', () => {
    expect(FENCED).toHaveLength(2933);
    // 1,161 characters of text, a blank line and the 2,933-character block make 4,096.
    expect(descriptions([text('a'.repeat(1161)), code(CODE, 'python')])).toEqual([`${'a'.repeat(1161)}\n\n${FENCED}`]);
    expect(descriptions([text('a'.repeat(1160)), code(CODE, 'python')])).toEqual([`${'a'.repeat(1160)}\n\n${FENCED}`]);
  });

  it('one character above the limit starts a new embed with the whole block', () => {
    expect(descriptions([text('a'.repeat(1162)), code(CODE, 'python')])).toEqual(['a'.repeat(1162), FENCED]);
  });

  it('splits longer code between lines, closing and reopening the fence, at 4,096 and not before', () => {
    const at = `${wideCode(55)}\n${'y'.repeat(67)}`;
    expect(descriptions([code(at, 'python')]).map((d) => d!.length)).toEqual([4096]);
    const above = `${wideCode(55)}\n${'y'.repeat(68)}`;
    const pieces = descriptions([code(above, 'python')]);
    expect(pieces).toEqual([`\`\`\`python\n${wideCode(55)}\n\`\`\``, `\`\`\`python\n${'y'.repeat(68)}\n\`\`\``]);
  });

  it('keeps a whole coding reveal within the embed and message limits, with the solution in one block', () => {
    const messages = renderMessages(practiceRevealCard(withCode(CODE)));
    const all = messages.flatMap((m) => m.embeds);
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
      const total = m.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);
      expect(total).toBeLessThanOrEqual(LIMITS.message);
    }
    for (const e of all) expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    const text = all.map((e) => e.description ?? '').join('\n\n');
    expect(text).toContain(`**Reference solution** (Python with NumPy)\n\n${FENCED}\n\n**Complexity:** O(n log n)`);
    expect(text).toContain('**Tests a reviewer runs in their head**\n\n```python\nassert roc_auc([0.1, 0.9], [0, 1]) == 1.0\n');
    expect(text.indexOf('**What a strong answer covers**')).toBeLessThan(text.indexOf('```python'));
  });
});
