import stringWidth from 'string-width';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROMPT } from '../../src/platforms/console/platform.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { openTerminal, type TerminalSession } from '../helpers/terminal.ts';
import { waitFor } from '../helpers/wait.ts';

/** `/mlq web`'s usage, whose `public` makes the web page public: not a public reply, which the terminal lacks. */
const WEB_USAGE = /\/mlq web \[public on\|off\|rotate\]`?/g;

const ANSWER = 'Bias is the error from wrong assumptions in the model, variance is sensitivity to the particular training sample.';
const PRACTICE = 'I would randomise the coupon to a holdout group and compare spending between the two groups afterwards.';

let h: Harness;
let n = 0;

// One database for the file; each test opens a terminal channel and a member of its own.
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

describe('piped input', () => {
  it('shows no prompt, greets with the banner naming quit, and wraps every line to 80 columns', async () => {
    const shown = await piped(['/mlq today', ANSWER, '/mlq reveal', '/mlq help']);
    expect(shown).not.toContain(PROMPT);
    expect(shown.slice(0, shown.indexOf('\n\n▌ Question of the day · '))).toBe(
      [
        "mlq · a terminal study channel (a test store). Type your answer to today's",
        'question and press Enter; /mlq help lists the commands; quit (or Ctrl-D) leaves.',
      ].join('\n'),
    );
    const lines = shown.split('\n');
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
    expect(lines.filter((l) => stringWidth(l) > 70).length).toBeGreaterThan(5);
  });

  it('stops reading at quit and resolves `finished` without the end of the input', async () => {
    const session = await open({ interactive: false });
    session.input.write('/mlq topics\nquit\n/mlq help\n');
    await session.platform.finished;
    expect(session.output()).toContain('▌ Topics · ');
    expect(session.output()).not.toContain('▌ mlq: a daily ML interview question');
  });

  it('greets a returning member with the state: answer in, then the reveal with their answer and points', async () => {
    await piped([ANSWER]);
    const again = await piped([], n);
    expect(again).toContain('Your answer is in: it counts when the round is revealed on Mon 14:00 (UTC).');
    expect(again).not.toContain('Answer in this thread before the reveal');
    h.clock.set(new Date('2026-11-23T14:01:00Z'));
    await h.mlq.tick();
    const after = await piped([], n);
    expect(after).toContain("▌ Today's question · ");
    expect(after).toContain('What a strong answer covers');
    expect(flat(after)).toContain(`Your answer · 10 points in this round ${ANSWER}`);
  });

  it('shows the reveal with your own answer and points beside it', async () => {
    const shown = await piped([ANSWER, '/mlq reveal']);
    const reveal = shown.indexOf('  │ ▌ The reveal · ');
    const recap = shown.indexOf('▌ Your answer · 10 points');
    expect(reveal).toBeGreaterThan(0);
    expect(recap).toBeGreaterThan(reveal);
    expect(flat(shown.slice(recap))).toContain(ANSWER);
  });

  it('takes a typed line after /mlq ask as a practice answer, and shows it beside the strong answer', async () => {
    const second = 'and a second line of the same answer';
    const shown = await piped(['/mlq ask statistics', PRACTICE, second, '/mlq today', '/mlq solution', ANSWER]);
    expect(flat(shown)).toContain('Type your practice answer now (one or more lines), then /mlq solution to compare it');
    expect(flat(shown)).toContain('✓ Practice answer noted (17 words). Add more lines, or /mlq solution to see the');
    expect(flat(shown)).toContain('✓ Practice answer noted (25 words).');
    expect(shown.slice(0, shown.indexOf('▌ Your practice answer'))).not.toContain('Answer recorded');
    const today = shown.slice(shown.indexOf('▌ Question of the day', shown.indexOf('Practice answer noted')));
    expect(today).toContain('You have not answered yet.');
    const yours = shown.indexOf('▌ Your practice answer\n\nI would randomise the coupon');
    expect(yours).toBeGreaterThan(0);
    expect(shown.indexOf('▌ Practice reveal · Statistics and probability')).toBeGreaterThan(yours);
    expect(shown.slice(yours)).toContain(second);
    expect(shown.slice(yours)).toContain('✓ Answer recorded.');
  });

  it('returns to today’s question after any other command', async () => {
    const shown = await piped(['/mlq ask calibration', '/mlq topics', ANSWER, '/mlq solution']);
    expect(shown).not.toContain('Practice answer noted');
    expect(shown).toContain('✓ Answer recorded.');
    expect(shown).not.toContain('▌ Your practice answer');
    expect(shown).toContain('▌ Practice reveal · ');
  });

  it('names members, never shows an internal id, and leaves reactions and `public` out of help', async () => {
    const commands = ['/mlq streak @bob', '/mlq stats @bob', '/mlq leaderboard', '/mlq stats', '/mlq help', '/mlq help leaderboard'];
    const shown = await piped([ANSWER, '/mlq reveal', ...commands]);
    expect(shown).not.toMatch(/console:/);
    expect(shown).toContain('That member has not taken part here yet');
    expect(shown).toContain('  • 🥇 tester · 10 pts');
    expect(flat(shown)).toContain("/mlq leaderboard [week|month|season|all]: This week's, month's, season's or all-time leaderboard ");
    expect(shown.replace(WEB_USAGE, '')).not.toContain('public');
    expect(shown).not.toContain('reaction');
    expect(flat(shown)).toContain('shows the details of one command. Type quit (or press Ctrl-D) to leave the terminal.');
  });
});

describe('an interactive terminal', () => {
  const prompts = (s: TerminalSession) => s.plain().split(PROMPT).length - 1;

  it('shows a prompt after the greeting and after each line, wrapped to the window width', async () => {
    const session = await open({ interactive: true, columns: 60 });
    await waitFor(() => prompts(session) === 1);
    session.input.write('/mlq today\r');
    await waitFor(() => prompts(session) === 2 && session.plain().includes('You have not answered yet.'));
    session.input.write(`${ANSWER}\r`);
    await waitFor(() => prompts(session) === 3 && session.plain().includes('Answer recorded'));
    const printed = session
      .plain()
      .split('\n')
      .filter((l) => !l.includes(PROMPT));
    expect(Math.max(...printed.map((l) => stringWidth(l)))).toBeLessThanOrEqual(60);
    expect(printed.filter((l) => stringWidth(l) > 50).length).toBeGreaterThan(3);
    session.input.write('quit\r');
    await session.platform.finished;
  });

  it('prints a scheduled reveal above the prompt and keeps what the member was typing', async () => {
    h.clock.set(new Date('2026-11-23T14:01:00Z'));
    await h.mlq.tick();
    h.clock.set(new Date('2026-11-23T08:00:00Z'));
    const session = await open({ interactive: true, columns: 80 });
    session.input.write(`${ANSWER}\r`);
    await waitFor(() => prompts(session) === 2);
    session.input.write('half a thought');
    await waitFor(() => session.plain().endsWith('half a thought'));
    const before = session.output().length;
    h.clock.set(new Date('2026-11-23T14:01:00Z'));
    await h.mlq.tick();
    const during = session.plain(before);
    expect(during.split('  │ ▌ The reveal · ')).toHaveLength(2);
    expect(flat(during)).toContain(`▌ Your answer · 10 points ${ANSWER}`);
    expect(during.endsWith(`${PROMPT}half a thought`)).toBe(true);
    session.input.write('\x03');
    await session.platform.finished;
  });
});
