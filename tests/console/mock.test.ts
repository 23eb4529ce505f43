import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { pipedTerminal } from '../helpers/terminal.ts';

let h: Harness;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

/** Pipes lines into the terminal channel and returns what it printed, its wrapping undone. */
const piped = async (lines: string[]) => (await pipedTerminal(h, lines)).replace(/\s+/g, ' ');

describe('a mock interview in the terminal', () => {
  it('runs in place: typed answers, `done` for each step, the summary, and typed key points as the grade', async () => {
    const first = await piped(['/mlq mock statistics', 'Bias is systematic error.', 'Variance is spread.', 'done']);
    expect(first).toContain('Mock interview · Statistics and probability');
    expect(first).toContain('The question');
    expect(first).toContain('Answer in one or more messages, then type done.');
    expect(first).toContain('Your mock interview is on: answer right here.');
    expect(first).toContain('✓ Noted. Add more lines, or type done when this answer is complete.');
    expect(first).toContain('Probe 1 of');
    const open = (await h.repo.openMockSession('console:tester'))!;
    expect(open.state.answers[0]!.map((m) => m.text)).toEqual(['Bias is systematic error.', 'Variance is spread.']);

    const rest = Array.from({ length: open.state.steps - 1 }, (_, i) => [`Reply ${i + 1}.`, 'done']).flat();
    const answer = 'Labels: estimate the noise rate on an audited sample, then use robust losses and a clean test set.';
    const second = await piped([...rest, '1 2', answer]);
    expect(second).toContain('Your mock interview · Statistics and probability');
    expect(second).toContain('Your answer │ Bias is systematic error. │ Variance is spread.');
    expect(second).toContain('What a good reply covers');
    expect(second).toMatch(/Saved: 2 of \d key points/);
    expect(second).not.toContain('is not one');
    const grades = await h.database.store.db.selectFrom('grades').select(['member_id', 'source']).execute();
    expect(grades).toEqual([{ member_id: 'console:tester', source: 'mock' }]);
    const answers = await h.database.store.db.selectFrom('answers').select(['member_id']).execute();
    expect(answers).toEqual([{ member_id: 'console:tester' }]);
  });
});

describe('stopping a mock interview in the terminal', () => {
  it('says it stopped once, since the interview runs where the command is typed', async () => {
    const out = await piped(['/mlq mock statistics', '/mlq mock stop']);
    expect(out.split('Mock interview stopped.').length - 1).toBe(1);
    expect(out).not.toContain('`/mlq mock` starts a new one.');
    expect((await h.repo.openMockSession('console:tester'))?.status).toBeUndefined();
  });
});
