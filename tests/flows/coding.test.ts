import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/bank/load.ts';
import { parseCommand } from '../../src/core/commands/parse.ts';
import { COMMANDS } from '../../src/core/commands/registry.ts';
import { renderMessages as discordMessages, mlqCommand } from '../../src/platforms/discord/render.ts';
import { renderMessages as slackMessages } from '../../src/platforms/slack/render.ts';
import { CODING_QUESTION } from '../helpers/coding-question.ts';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';

const CH = 'test:T1:C1';
const ada = member('ada');
let h: Harness;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  const shipped = loadBank(resolve('questions')).questions.filter((l) => l.question.category !== 'coding');
  const entries = [...shipped, ...loadBank(resolve('tests/fixtures/bank-coding')).questions];
  await h.repo.syncQuestions(
    entries.map((l) => ({ question: l.question, hash: l.hash })),
    new Date('2026-11-23T08:00:00Z'),
  );
});
afterEach(async () => {
  await h.close();
});

describe('/mlq ask coding', () => {
  it('reads coding, code, coding round, ML coding and live coding as the coding category, with a level in any place', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['/mlq ask coding', { category: 'coding', rest: [] }],
      ['/mlq ask code senior', { category: 'coding', level: 'senior', rest: [] }],
      ['/mlq ask coding round', { category: 'coding', rest: [] }],
      ['/mlq ask mid Coding Round', { category: 'coding', level: 'mid', rest: [] }],
      ['/mlq ask ml coding auc', { category: 'coding', rest: ['auc'] }],
      ['/mlq ask live coding', { category: 'coding', rest: [] }],
      ['/mlq ask system design', { category: 'system-design', rest: [] }],
      ['/mlq ask round', { rest: ['round'] }],
    ];
    for (const [line, args] of cases) {
      const parsed = parseCommand(line, COMMANDS);
      expect(parsed.ok && parsed.value.args, line).toEqual(args);
    }
  });

  it('offers ML coding among the Discord category choices', () => {
    const ask = mlqCommand().options.find((o) => o.name === 'ask')!;
    const category = ask.options.find((o) => o.name === 'category') as { choices?: { name: string; value: string }[] };
    expect(category.choices).toContainEqual({ name: 'ML coding', value: 'coding' });
  });

  it('gives a coding question, and /mlq solution shows its code as a code block on Slack and Discord', async () => {
    const asked = await command(h, CH, ada, '/mlq ask coding round');
    expect(cardText(asked.card!)).toContain('Write a function that computes ROC AUC from raw scores');
    const solution = (await command(h, CH, ada, '/mlq solution')).card!;
    expect(solution.title).toBe('Practice reveal · ML coding · mid');
    const slack = slackMessages(solution).flatMap((m) => m.blocks.map((b) => (b as { text?: { text: string } }).text?.text ?? ''));
    const fenced = `\`\`\`\n${CODING_QUESTION.solution!.code}\n\`\`\``;
    expect(fenced.startsWith('```\nimport numpy as np\n\n\ndef roc_auc(scores, labels):\n')).toBe(true);
    expect(slack).toContain(fenced);
    const discord = discordMessages(solution)
      .flatMap((m) => m.embeds.map((e) => e.description ?? ''))
      .join('\n\n');
    expect(discord).toContain('```python\nimport numpy as np\n\n\ndef roc_auc(scores, labels):\n');
    expect(discord).toContain('        ranks[tied] = ranks[tied].mean()\n');
  });
});
