import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Member } from '../../src/core/types.ts';
import { command, createHarness, type Harness, member } from '../helpers/harness.ts';
import { GOOD_SUGGESTION } from '../helpers/suggestion-fields.ts';

const CH = 'test:T1:C1';
const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const QUESTION_ID = 'in-a-room-of-23-people-why-is-a-shared-birthday';
const HASH_PROMPT = 'What is the birthday problem, and why does it matter for hashing?';

let h: Harness;
let submissions = 0;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  await command(h, CH, admin, '/mlq start');
});
afterEach(async () => {
  await h.close();
});

const submit = (who: Member, value: string, fields: Record<string, string>) =>
  h.mlq.submit({ channelId: CH, communityId: 'test', actor: who, form: 'mlq.suggest', value, fields, submissionId: `e-${++submissions}` });
const notice = (r: InteractionReply) => (r.kind === 'notice' ? r.text : `(${r.kind})`);
/** The sentences of a command's reply card. */
const said = async (who: Member, text: string) =>
  (await command(h, CH, who, text)).card.blocks.map((b) => ('markdown' in b ? b.markdown : `[${b.type}]`)).join('\n');
const status = async () => await h.database.store.db.selectFrom('suggestions').select(['id', 'status']).orderBy('id').execute();

describe('/mlq queue words', () => {
  it('answers a bare number, with or without #, by asking for the verb approve and decides nothing', async () => {
    await submit(ada, 'new|0', GOOD_SUGGESTION);
    const ask = "Give the suggestion's number, such as `/mlq queue approve 3`; `/mlq queue` lists them.";
    expect(await said(admin, '/mlq queue #1')).toBe(ask);
    expect(await said(admin, '/mlq queue 1')).toBe(ask);
    expect(await said(admin, '/mlq queue 123456789')).toBe(ask);
    expect(await status()).toEqual([{ id: 1, status: 'pending' }]);
  });

  it('asks for the number after edit or reject alone, naming the verb typed', async () => {
    expect(await said(admin, '/mlq queue EDIT')).toBe(
      "Give the suggestion's number, such as `/mlq queue edit 3`; `/mlq queue` lists them.",
    );
    expect(await said(admin, '/mlq queue reject')).toBe(
      "Give the suggestion's number, such as `/mlq queue reject 3`; `/mlq queue` lists them.",
    );
  });

  it('refuses an unknown verb, a word for a number and a ten-digit number', async () => {
    const usage = 'Use approve, edit or reject with a suggestion number, such as `approve 3`';
    for (const words of ['drop 1', 'approve one', 'approve 1234567890', '1234567890'])
      expect(await said(admin, `/mlq queue ${words}`)).toBe(
        `${usage}. Usage: \`/mlq queue [approve <n> [community]|edit <n>|reject <n> <reason>]\`.`,
      );
  });

  it('says when the numbered suggestion does not exist, for approve and reject', async () => {
    expect(await said(admin, '/mlq queue approve 999999999')).toBe('That suggestion does not exist.');
    expect(await said(admin, '/mlq queue reject 7 off topic')).toBe('That suggestion does not exist.');
  });

  it('rejects with the words after the number as the reason, and then says it was decided', async () => {
    await submit(ada, 'new|0', GOOD_SUGGESTION);
    expect(await said(admin, '/mlq queue reject #1 Too   close to the bank')).toBe('Rejected #1; its author was told, with your reason.');
    expect((await h.repo.getSuggestion(1))!.reason).toBe('Too close to the bank');
    expect(await said(admin, '/mlq queue approve 1 COMMUNITY')).toBe('Suggestion #1 was rejected already.');
    expect(await said(admin, '/mlq queue reject 1 again')).toBe('Suggestion #1 was rejected already.');
  });

  it('opens the edit form for a waiting suggestion and refuses a missing or decided one', async () => {
    expect(await said(admin, '/mlq queue edit 1')).toBe('There is no waiting suggestion #1.');
    await submit(ada, 'new|0', GOOD_SUGGESTION);
    const editing = await command(h, CH, admin, '/mlq queue edit #1');
    expect(editing.card.blocks).toEqual([{ type: 'text', markdown: 'Editing suggestion #1.' }]);
    expect(editing.form).toMatchObject({ id: 'mlq.suggest', value: 'edit:1|0', title: 'Edit suggestion #1', submit: 'Save' });
    expect(editing.form!.fields.find((f) => f.id === 'tldr')!.initial).toBe(GOOD_SUGGESTION.tldr);
    expect(await said(ada, '/mlq queue edit 1')).toContain("is for the channel's organisers");
    await command(h, CH, admin, '/mlq queue approve 1');
    expect(await said(admin, '/mlq queue edit 1')).toBe('There is no waiting suggestion #1.');
    expect((await command(h, CH, admin, '/mlq queue edit 1')).form).toBeUndefined();
  });
});

describe('/mlq export', () => {
  it('says none is approved yet, and refuses words', async () => {
    expect(await said(admin, '/mlq export')).toBe('No suggested question has been approved here yet.');
    expect(await said(admin, '/mlq export all')).toBe('This command takes no words. Usage: `/mlq export`.');
    await submit(ada, 'new|0', GOOD_SUGGESTION);
    expect(await said(admin, '/mlq export')).toBe('No suggested question has been approved here yet.');
  });

  it('writes one approved question as a bank file in a dated folder, then says questions for two', async () => {
    await submit(ada, 'new|0', GOOD_SUGGESTION);
    await command(h, CH, admin, '/mlq queue approve 1');
    h.clock.set(new Date('2026-11-24T23:30:00Z'));
    const one = await command(h, CH, admin, '/mlq export');
    expect(one.visibility).toBe('private');
    expect(one.card.title).toBe('Export · 1 approved question');
    expect(one.card.blocks.slice(0, 2)).toEqual([
      {
        type: 'text',
        markdown: 'Each is a bank file: save it as `questions/<path>`, run `npm run bank -- lint`, and open a pull request.',
      },
      { type: 'context', markdown: `questions/statistics/${QUESTION_ID}.yaml` },
    ]);
    expect(one.card.blocks).toHaveLength(3);
    expect(one.card.blocks[2]).toMatchObject({ type: 'code', language: 'yaml' });
    expect(one.files!.folder).toBe('mlq-export-2026-11-24');
    expect(one.files!.files.map((f) => f.path)).toEqual([`statistics/${QUESTION_ID}.yaml`]);
    expect(
      one.files!.files[0]!.content.startsWith(
        `# Suggested by ada in mlq.\nid: "${QUESTION_ID}"\ncategory: "statistics"\nlevel: "junior"\n`,
      ),
    ).toBe(true);

    await submit(ada, 'new|0', { ...GOOD_SUGGESTION, prompt: HASH_PROMPT, category: 'fundamentals' });
    await command(h, CH, admin, '/mlq queue approve 2 community');
    const two = await command(h, CH, admin, '/mlq export');
    expect(two.card.title).toBe('Export · 2 approved questions');
    expect(two.files!.files.map((f) => f.path).sort()).toEqual(
      [`statistics/${QUESTION_ID}.yaml`, 'fundamentals/what-is-the-birthday-problem-and-why-does-it.yaml'].sort(),
    );
    expect(two.card.blocks).toHaveLength(5);
  });
});

describe('/mlq next by words', () => {
  it('picks an approved question by words of its prompt or its tags, in any case', async () => {
    await submit(ada, 'new|0', GOOD_SUGGESTION);
    await command(h, CH, admin, '/mlq queue approve 1');
    const picked = `The next round asks \`${QUESTION_ID}\`: “${GOOD_SUGGESTION.prompt}”. It is used once; \`/mlq next off\` clears it.`;
    expect(await said(admin, '/mlq next SHARED Birthday')).toBe(picked);
    await command(h, CH, admin, '/mlq next off');
    expect(await said(admin, '/mlq next hashing')).toBe(picked);
    expect(await h.repo.nextQuestion(CH)).toBe(QUESTION_ID);
  });

  it('falls back to the bank for words no approved question has', async () => {
    expect(await said(admin, '/mlq next ZZQX')).toBe('No question matches “ZZQX”. Give its id, or other words.');
    expect(await said(admin, '/mlq next NumPy converged')).toBe(
      'The next round asks `logistic-regression-by-gradient-descent`: “Implement binary logistic regression trained by batch gradient ' +
        'descent in NumPy, and tell me how you would know it has converged.”. It is used once; `/mlq next off` clears it.',
    );
    expect(await h.repo.nextQuestion(CH)).toBe('logistic-regression-by-gradient-descent');
  });

  it('clears the pick with off, and quotes at most 60 characters of words that match nothing', async () => {
    await command(h, CH, admin, '/mlq next gradient descent');
    expect(await said(admin, '/mlq next OFF')).toBe('Cleared: mlq picks the next question as usual.');
    expect(await h.repo.nextQuestion(CH)).toBeNull();
    expect(await said(admin, '/mlq next')).toBe('mlq picks the next question as usual.');
    const nine = 'qqqqqqqqq ';
    expect(await said(admin, `/mlq next ${nine.repeat(5)}qqqqqqqqqq`)).toBe(
      `No question matches “${nine.repeat(5)}qqqqqqqqqq”. Give its id, or other words.`,
    );
    expect(await said(admin, `/mlq next ${nine.repeat(5)}qqqqqqqqqqq`)).toBe(
      `No question matches “${nine.repeat(5)}qqqqqqqqqq”. Give its id, or other words.`,
    );
    expect(await said(admin, `/mlq next ${'qqqqqqqqqq '.repeat(8)}`)).toBe(
      'No question matches “qqqqqqqqqq qqqqqqqqqq qqqqqqqqqq qqqqqqqqqq qqqqqqqqqq qqqqq”. Give its id, or other words.',
    );
  });
});

describe('suggestion buttons and forms with wrong values', () => {
  it('ignores Approve and Reject values that name no suggestion', async () => {
    await submit(ada, 'new|0', GOOD_SUGGESTION);
    const press = (action: string, value: string) => h.mlq.action({ channelId: CH, communityId: 'test', actor: admin, action, value });
    for (const value of ['1', '1:everyone', 'x:channel', '1:channel:x', '1234567890:channel'])
      expect(await press('suggest.approve', value)).toEqual({ kind: 'none' });
    for (const value of ['x', '1x', '', '1234567890', '42']) expect(await press('suggest.reject', value)).toEqual({ kind: 'none' });
    expect(notice(await press('suggest.approve', '42:community'))).toBe('That suggestion does not exist.');
    expect(await status()).toEqual([{ id: 1, status: 'pending' }]);
  });

  it('refuses a reason form without a reason or a number, and says a missing suggestion does not exist', async () => {
    await submit(ada, 'new|0', GOOD_SUGGESTION);
    const reject = (value: string, fields: Record<string, string>) =>
      h.mlq.submit({
        channelId: CH,
        communityId: 'test',
        actor: admin,
        form: 'mlq.suggest.reject',
        value,
        fields,
        submissionId: `r-${++submissions}`,
      });
    expect(await reject('1', {})).toEqual({ kind: 'invalid', field: 'reason', text: 'Give the author a reason.' });
    for (const value of ['x', '1x', 'x1', '1234567890']) expect(await reject(value, { reason: 'No.' })).toEqual({ kind: 'none' });
    expect(notice(await reject('42', { reason: 'No.' }))).toBe('That suggestion does not exist.');
    expect(notice(await reject('1', { reason: '  Off topic.  ' }))).toBe('Rejected #1; its author was told, with your reason.');
    expect(h.port.of('private').map((s) => s.card)).toEqual([
      expect.objectContaining({
        title: 'Your suggestion was not taken',
        blocks: [
          { type: 'text', markdown: `“${GOOD_SUGGESTION.prompt}” was rejected.` },
          { type: 'text', markdown: '**Reason:** Off topic.' },
        ],
      }),
    ]);
  });

  it('shows the level, author and one-line answer of each waiting suggestion', async () => {
    await submit(ada, 'new|0', GOOD_SUGGESTION);
    const queue = (await command(h, CH, admin, '/mlq queue')).card;
    expect(queue.blocks[1]).toEqual({
      type: 'context',
      markdown: `Statistics and probability · junior · suggested by ada · in one line: ${GOOD_SUGGESTION.tldr}`,
    });
  });
});
