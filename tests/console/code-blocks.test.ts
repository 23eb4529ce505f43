import { describe, expect, it } from 'vitest';
import { card, code, text } from '../../src/core/message.ts';
import { practiceRevealCard } from '../../src/core/question-cards.ts';
import { plainStyle, renderCard, renderThreadReply } from '../../src/platforms/console/render.ts';
import { wideCode, withCode } from '../helpers/coding-question.ts';

const CODE = wideCode();
const INDENTED = CODE.split('\n').map((line) => `    ${line}`);

describe('the terminal shows code indented, and cuts only a line wider than the window', () => {
  it('prints every line of a 40-line, 72-column solution whole at 76 columns (the limit) and 77, and cuts each at 75', () => {
    for (const width of [76, 77]) {
      const shown = renderCard(card(undefined, [text('**Reference solution**'), code(CODE, 'python')]), plainStyle, width);
      expect(shown.split('\n')).toEqual(['Reference solution', '', ...INDENTED]);
    }
    const narrow = renderCard(card(undefined, [code(CODE, 'python')]), plainStyle, 75).split('\n');
    expect(narrow).toHaveLength(80);
    expect(narrow.slice(0, 2)).toEqual([`    # 01 ${'x'.repeat(66)}`, '    ↪ x']);
    expect(Math.max(...narrow.map((l) => [...l].length))).toBe(75);
  });

  it('cuts a long test statement at the width, each rest behind ↪, and leaves a short one alone', () => {
    const long = `assert f(${'1, '.repeat(40)}1) == 41`;
    const shown = renderCard(card(undefined, [code(`${long}\nassert f() == 0`, 'python')]), plainStyle, 40).split('\n');
    expect(shown).toEqual([
      '    assert f(1, 1, 1, 1, 1, 1, 1, 1, 1, ',
      '    ↪ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1',
      '    ↪ , 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,',
      '    ↪  1, 1, 1, 1, 1, 1, 1, 1, 1) == 41',
      '    assert f() == 0',
    ]);
  });

  it('keeps blank lines and indentation inside the code, and wraps the text around it as before', () => {
    const shown = renderCard(
      card(undefined, [code('def f(x):\n\n    return x  *2', 'python'), text('A sentence long enough to wrap at twenty.')]),
      plainStyle,
      20,
    );
    expect(shown).toBe(['    def f(x):', '', '        return x  *2', '', 'A sentence long', 'enough to wrap at', 'twenty.'].join('\n'));
  });

  it('puts the solution behind the thread bar in a reveal, after the strong answer and before the complexity', () => {
    const shown = renderThreadReply(practiceRevealCard(withCode(CODE)), plainStyle, 80);
    const lines = shown.split('\n');
    const first = lines.indexOf(`  │ ${INDENTED[0]}`);
    expect(first).toBeGreaterThan(lines.findIndex((l) => l.includes('What a strong answer covers')));
    expect(lines.slice(first, first + 40)).toEqual(INDENTED.map((l) => `  │ ${l}`));
    expect(lines[first + 41]).toMatch(/^ {2}│ Complexity: O\(n log n\)/);
    expect(shown).toContain('  │     assert roc_auc([0.1, 0.9], [0, 1]) == 1.0\n  │     assert roc_auc([0.5, 0.5], [0, 1]) == 0.5');
  });
});
