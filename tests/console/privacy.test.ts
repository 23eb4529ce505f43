import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { openTerminal, type TerminalSession } from '../helpers/terminal.ts';

const ANSWER = 'Bias is the error from wrong assumptions in the model, variance is sensitivity to the particular training sample.';

let h: Harness;
let n = 0;

beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.clock.set(new Date('2026-11-23T08:00:00Z'));
  n++;
});

/** The terminal channel of this test (or of `channel`), with a member of its own. */
const open = (options: { interactive: boolean; columns?: number; channel?: number }): Promise<TerminalSession> => {
  const id = options.channel ?? n;
  return openTerminal(h, { ...options, settings: { channelId: `console:terminal-${id}`, memberId: `console:tester-${id}` } });
};

/** Text with its line wrapping undone, for checking what was said rather than where lines broke. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Pipes lines in, ends the input, and waits until the terminal has handled them all. */
async function piped(lines: string[], channel?: number): Promise<string> {
  const session = await open({ interactive: false, channel });
  session.input.end(lines.map((l) => `${l}\n`).join(''));
  await session.platform.finished;
  return session.output();
}

describe('privacy and erasure in the terminal', () => {
  it('shows month and season boards, hides the name on them, and erases after `/mlq forget me confirm` typed again', async () => {
    const shown = await piped([
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
