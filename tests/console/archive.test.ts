import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addArchiveQuestions, addDailyRounds } from '../helpers/archive-rounds.ts';
import { createHarness, DEFAULTS, type Harness } from '../helpers/harness.ts';
import { pipedTerminal } from '../helpers/terminal.ts';

let h: Harness;

beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  await addArchiveQuestions(h.database.store.db);
  await h.mlq.ensureChannel({
    ...DEFAULTS,
    id: 'console:terminal',
    communityId: 'console',
    name: 'terminal',
    organiserIds: ['console:tester'],
  });
  await addDailyRounds(
    h.database.store.db,
    'console:terminal',
    ['q-overfit', 'q-dropout', 'q-drift', 'q-pvalue', 'q-imbalance', 'q-dropout'],
    {
      first: '2026-11-01',
    },
  );
});
afterAll(async () => {
  await h.close();
});

/** Pipes lines into the terminal channel and returns what it printed, its wrapping undone. */
const piped = async (lines: string[]) => (await pipedTerminal(h, lines)).replace(/\s+/g, ' ');

describe('the archive in the terminal', () => {
  it('pages by command and adds a question to review by command', async () => {
    const shown = await piped(['/mlq archive dropout', '/mlq archive', '/mlq archive page 2', '/mlq review add q-dropout']);
    expect(shown).toContain('▌ Archive · “dropout” 1. Why does dropout help a deep network generalise? 2026-11-06 · Deep learning · mid');
    expect(shown).toContain('[Review #1] type /mlq review add q-dropout');
    expect(shown).toMatch(/▌ Archive \d\. .* 2026-11-23 · [\w ]+ · \w+ · open: not revealed yet 2\. Why does dropout/);
    expect(shown).toContain(
      '▌ Archive · page 2 6. Why does dropout help a deep network generalise? 2026-11-02 · Deep learning · mid ' +
        '7. What is overfitting, and how do you notice it in a model? 2026-11-01 · Fundamentals · junior',
    );
    expect(shown).toContain('[Prev] type /mlq archive');
    expect(shown).toContain('Added to your review cards, due now: “Why does dropout help a deep network generalise?”');
  });
});
