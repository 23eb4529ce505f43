import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { card, context, fields, list, text } from '../../src/core/message.ts';
import { ansiStyle, plainStyle, renderAck, renderCard, renderThreadReply } from '../../src/platforms/console/render.ts';

const PARAGRAPH =
  'Regularisation trades a little bias for a large reduction in variance, which matters most when features outnumber examples.';

describe('terminal text is wrapped at spaces to the width, with hanging indents', () => {
  it('wraps a paragraph, a list and fields at 40 columns', () => {
    const shown = renderCard(
      card('The reveal · Fundamentals · mid', [
        text(`**What a strong answer covers**\n\n${PARAGRAPH}\n- an item in the answer's own text that runs past the edge`),
        list(['Cross-validation chooses the penalty strength on held-out folds', 'short']),
        fields([{ label: 'Limits', value: 'Interpretability suffers when coefficients shrink unevenly.' }]),
      ]),
      plainStyle,
      40,
    );
    expect(shown).toBe(
      [
        '▌ The reveal · Fundamentals · mid',
        '',
        'What a strong answer covers',
        '',
        'Regularisation trades a little bias for',
        'a large reduction in variance, which',
        'matters most when features outnumber',
        'examples.',
        "- an item in the answer's own text that",
        '  runs past the edge',
        '',
        '  • Cross-validation chooses the penalty',
        '    strength on held-out folds',
        '  • short',
        '',
        'Limits: Interpretability suffers when',
        '  coefficients shrink unevenly.',
      ].join('\n'),
    );
  });

  it('puts every line of a thread reply, wrapped ones too, behind the thread bar within the width', () => {
    const points = list(['Historical sends at a fixed hour give no evidence about other hours'], 'Key points', true);
    const shown = renderThreadReply(card(undefined, [points]), plainStyle, 40);
    expect(shown).toBe(
      ['  │ Key points', '  │   1. Historical sends at a fixed', '  │      hour give no evidence about', '  │      other hours'].join('\n'),
    );
  });

  it('never breaks a word, even one longer than the line', () => {
    const url = 'https://example.org/a-very-long-address-that-cannot-be-broken';
    const shown = renderCard(card(undefined, [text(`See ${url} for more.`)]), plainStyle, 30);
    expect(shown).toBe(['See', url, 'for more.'].join('\n'));
  });

  it.each([24, 39, 40, 41, 80])('keeps every line of a real-sized card within %i columns and every word whole', (width) => {
    const words = `${PARAGRAPH} ${PARAGRAPH}`.split(' ');
    const long = words.join(' ');
    const blocks = [text(long), list(['🥇 **tester** · 10 pts', long]), fields([{ label: 'Limits', value: long }])];
    const shown = renderThreadReply(card('Leaderboard · week of 2026-11-23', blocks), ansiStyle, width);
    const plain = stripVTControlCharacters(shown);
    for (const line of plain.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    const tokens = plain.split(/\s+/).filter((t) => t && !['│', '•', '▌'].includes(t));
    expect(tokens.join(' ')).toBe(`Leaderboard · week of 2026-11-23 ${long} 🥇 tester · 10 pts ${long} Limits: ${long}`);
  });

  it('styles do not count toward the width', () => {
    const plain = renderCard(card('Title', [context(PARAGRAPH), text(`**${PARAGRAPH}**`)]), plainStyle, 50);
    const styled = renderCard(card('Title', [context(PARAGRAPH), text(`**${PARAGRAPH}**`)]), ansiStyle, 50);
    expect(styled).not.toBe(plain);
    expect(stripVTControlCharacters(styled)).toBe(plain);
  });

  it('hangs an acknowledgement under its text', () => {
    expect(renderAck('answer-counted', plainStyle, 50)).toBe(
      ['  ✓ Answer recorded. It counts when the round is', '    revealed; later replies are discussion.'].join('\n'),
    );
  });
});
