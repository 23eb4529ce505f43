import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { GOOD_SUGGESTION } from '../helpers/suggestion-fields.ts';
import { pipedTerminal } from '../helpers/terminal.ts';

const run = promisify(execFile);
let h: Harness;
let dir: string;

beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  dir = mkdtempSync(join(tmpdir(), 'mlq-suggest-'));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const g = GOOD_SUGGESTION;
/** Each field typed in turn, each ended by an empty line. */
const fieldByField = [g.prompt, g.category, g.level, g.tldr, g.strong_answer, g.weak_answer, g.key_points, g.probes, g.tags].flatMap(
  (v) => [...v.split('\n'), ''],
);

/** Pipes lines into the terminal channel and returns what it printed, its wrapping undone. */
const piped = async (lines: string[]) => (await pipedTerminal(h, lines, { exportDir: dir })).replace(/\s+/g, ' ');

describe('suggestions in the terminal', () => {
  it('takes a suggestion field by field or in one go, asks again only for what is wrong, and exports files bank lint accepts', async () => {
    const first = await piped(['/mlq suggest', ...fieldByField]);
    expect(first).toContain('Suggest a question: answer each field below and end it with an empty line');
    expect(first).toContain('The question (As an interviewer asks it; ends with ? or .)');
    expect(first).toContain('Tags (2 to 8, with commas)');
    expect(first).toContain('Thank you: suggestion #1 is in the organisers’ queue.');

    const oneGo = [
      '/mlq suggest',
      'prompt: What is the birthday problem, and why does it matter when you hash ids?',
      `category: ${g.category}`,
      `level: ${g.level}`,
      `tldr: ${g.tldr}`,
      'strong_answer: Pairs grow with the square.',
      `weak_answer: ${g.weak_answer}`,
      `key_points: ${g.key_points.split('\n')[0]}`,
      ...g.key_points.split('\n').slice(1),
      `probes: ${g.probes.split('\n')[0]}`,
      g.probes.split('\n')[1]!,
      `tags: ${g.tags}`,
      '',
      g.strong_answer,
      '',
    ];
    const second = await piped(oneGo);
    expect(second).toContain('Not sent yet; nothing is lost. Fix these: - strong_answer: strong_answer has 5 words; it needs 120 to 300');
    expect(second).toContain(
      'Strong answer (120 to 300 words) (Definition, a practical implication, an example, the trade-off.). Now: “Pairs grow with the square.”',
    );
    expect(second).toContain('Thank you: suggestion #2 is in the organisers’ queue.');

    const left = await piped(['/mlq suggest', 'A question?', '/mlq queue']);
    expect(left).toContain('Left the form; nothing was sent.');
    expect(left).toContain('Suggestions · 2 waiting');
    expect(left).toContain('[Approve] type /mlq queue approve 1');
    expect(left).toContain('[Reject] type /mlq queue reject 1 <reason>');

    mkdirSync(join(dir, 'mlq-export-2026-11-23'));
    writeFileSync(join(dir, 'mlq-export-2026-11-23', 'mine.txt'), 'not mlq’s');
    const decided = await piped(['/mlq queue approve 1', '/mlq queue reject 2 Too close to #1.', '/mlq export', '/mlq export']);
    expect(decided).toContain('Approved #1 as in-a-room-of-23-people-why-is-a-shared-birthday for this channel');
    expect(decided).toContain('Rejected #2; its author was told, with your reason.');
    expect(decided).toContain(`Export · 1 approved question: wrote 1 file into ${join(dir, 'mlq-export-2026-11-23-2')}/ (a new folder).`);
    expect(decided).toContain(`wrote 1 file into ${join(dir, 'mlq-export-2026-11-23-3')}/ (a new folder).`);
    expect(readdirSync(join(dir, 'mlq-export-2026-11-23'))).toEqual(['mine.txt']);

    const exported = join(dir, 'mlq-export-2026-11-23-2');
    const file = join(exported, 'statistics', 'in-a-room-of-23-people-why-is-a-shared-birthday.yaml');
    expect(readFileSync(file, 'utf8').split('\n').slice(0, 4)).toEqual([
      '# Suggested by tester in mlq.',
      'id: "in-a-room-of-23-people-why-is-a-shared-birthday"',
      'category: "statistics"',
      'level: "junior"',
    ]);
    const bank = join(dir, 'bank');
    cpSync('questions', bank, { recursive: true });
    cpSync(exported, bank, { recursive: true });
    expect(existsSync(join(bank, 'statistics', 'in-a-room-of-23-people-why-is-a-shared-birthday.yaml'))).toBe(true);
    const lint = await run(process.execPath, ['dist/bank-cli.js', 'lint', bank], { env: { ...process.env, MLQ_QUESTIONS_DIR: '' } });
    expect(lint.stdout).toMatch(/\d+ questions checked, 0 problems\./);
  }, 60_000);
});
