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

/** Text with its line wrapping undone, for checking what was said rather than where lines broke. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('privacy and erasure in the terminal', () => {
  it('shows month and season boards, hides the name on them, and erases after `/mlq forget me confirm` typed again', async () => {
    const shown = await pipedTerminal(h, [
      ANSWER,
      '/mlq reveal',
      '/mlq privacy hide',
      '/mlq leaderboard',
      '/mlq leaderboard month',
      '/mlq leaderboard season',
      '/mlq forget me',
      '/mlq leaderboard all',
      '/mlq forget me confirm',
      '/mlq leaderboard all',
    ]);
    expect(shown).toContain('  • 🥇 a member · 10 pts');
    expect(flat(shown)).toMatch(/Leaderboard · November 2026 • 🥇 a member · 10 pts/);
    expect(flat(shown)).toMatch(/Leaderboard · season Q4 2026 \(October to December\) • 🥇 a member · 10 pts/);
    expect(flat(shown)).toContain('This erases your answers, grades, review cards, reminders, points, streaks and name in every channel');
    expect(flat(shown)).toContain('[Erase everything] type /mlq forget me confirm');
    expect(flat(shown)).toMatch(/all time • 🥇 a member · 10 pts/);
    expect(flat(shown)).toContain('Done: your answers, grades, review cards, reminders, points, streaks and name are erased');
    expect(flat(shown)).toMatch(/Done: [^▌]*▌ Leaderboard · all time No points yet/);
    expect(shown).not.toMatch(/console:/);
  });
});
