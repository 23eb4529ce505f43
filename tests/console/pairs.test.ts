import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { pipedTerminal } from '../helpers/terminal.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterAll(async () => {
  await h.close();
});

/** Pipes lines into the terminal channel and returns what it printed, its wrapping undone. */
const piped = async (lines: string[]) => (await pipedTerminal(h, lines)).replace(/\s+/g, ' ');

describe('pairs in the terminal', () => {
  it('says pairs need at least two members, for the status and for joining, and opts nobody in', async () => {
    const shown = await piped(['/mlq pairs', '/mlq pairs join']);
    const answer = 'Mock-interview pairs need at least two members, and the terminal has one (you). Use /mlq pairs in Slack or Discord.';
    expect(shown.split(answer)).toHaveLength(3);
    expect(await h.database.store.db.selectFrom('pair_members').selectAll().execute()).toEqual([]);
  });
});
