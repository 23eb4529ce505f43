import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { pipedTerminal } from '../helpers/terminal.ts';

const ANSWER = 'Bias is the error from wrong assumptions in the model, variance is sensitivity to the particular training sample.';

let h: Harness;

beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterAll(async () => {
  await h.close();
});

/** Pipes lines into the terminal channel and returns what it printed, its wrapping undone. */
const piped = async (lines: string[]) => (await pipedTerminal(h, lines, { timezone: 'Asia/Tokyo' })).replace(/\s+/g, ' ');

describe('grading and reviewing in the terminal', () => {
  it('numbers the key points at the reveal, takes the numbers, and brings the question back when due', async () => {
    const shown = await piped([ANSWER, '/mlq reveal', '/mlq grade 1 2', '/mlq grade 1 2', '/mlq review']);
    expect(shown).toContain('In one line:');
    expect(shown).toContain('[Grade yourself] type /mlq grade <numbers>');
    expect(shown).toContain('[What a good reply covers] type /mlq guidance');
    expect(shown).toContain('▌ Grade yourself · ');
    expect(shown).toMatch(/ 1\. \S.* 2\. \S.* 3\. \S/);
    expect(shown).toContain('[Tick what you covered] type /mlq grade <numbers>');
    expect(shown).toMatch(
      /Saved: 2 of \d key points · \w+\. Next review of this question: \w{3} \d+ Nov \d\d:\d\d \(Asia\/Tokyo\)\. \+2 points for grading\./,
    );
    expect(shown).toMatch(/Already saved: 2 of \d key points/);
    expect(shown).toContain('No review is due. The next one is due');

    h.clock.set(new Date('2026-12-20T08:00:00Z'));
    const later = await piped(['/mlq review', '/mlq review show', '/mlq review grade all', '/mlq stats']);
    expect(later).toContain('▌ Review · 1 due · ');
    expect(later).toContain('[Show the key points] type /mlq review show');
    expect(later).toContain('[Tick what you recalled] type /mlq review grade <numbers>');
    expect(later).toMatch(/Saved: (\d) of \1 key points · Easy\./);
    expect(later).toContain('No review is due. The next one is due');
    expect(later).toContain('Mastery by category');
    expect(later).toMatch(/Weakest: [\w ]+ \(100 %\)/);
  });
});
