import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordHarness, type DiscordHarness } from '../helpers/discord-harness.ts';
import { CHANNEL, GUILD } from '../helpers/fake-discord.ts';
import { waitFor } from '../helpers/wait.ts';

const U1 = '900000000000000051';
const U2 = '900000000000000052';
const EPHEMERAL = 64;

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Runs `/mlq <sub>` and waits for its response, as text. */
async function run(user: string, sub: string, options: Record<string, unknown>[] = []) {
  const id = h!.discord.command(user, sub, options);
  const first = await waitFor(() => h!.discord.answers(id)[0]);
  const body = first.body as { type: number; data?: { flags?: number } };
  if (body.type === 5) {
    const edit = await waitFor(() => h!.discord.answers(id).find((c) => c.method === 'PATCH'));
    return { flags: body.data?.flags ?? 0, text: JSON.stringify(edit.body) };
  }
  return { flags: body.data?.flags ?? 0, text: JSON.stringify(body.data) };
}

const texts = (channel: string) => h!.discord.messagesIn(channel).map((m) => JSON.stringify(m));
const session = async () => (await h!.repo.openMockSession(`discord:${GUILD}:${U1}`))!;

describe('a mock interview in Discord', () => {
  it('runs in a direct message: typed answers, Done pressed there (a replay counted once), typed done, and the checklist form', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    const started = await run(U1, 'mock', [{ name: 'category', type: 3, value: 'statistics' }]);
    expect(started.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(started.text).toContain('waiting in your direct messages with me');
    const dm = h.discord.dmChannels.get(U1)!;
    await waitFor(() => texts(dm).length === 2);
    expect(texts(dm)[0]).toContain('Mock interview');
    expect(texts(dm)[1]).toContain('The question');
    const question = h.discord.messagesIn(dm)[1]!;
    expect(JSON.stringify(question.components)).toContain('"custom_id":"mock.done:1:0"');
    expect((await session()).conversationId).toBe(`discord:@me:${dm}`);

    const answerId = h.discord.directMessage(U1, 'Bias is systematic error.');
    h.discord.directMessage(U1, 'Bias is systematic error.', answerId);
    await waitFor(async () => (await session()).state.answers[0]!.length === 1);
    const press = h.discord.dmButton(U1, 'mock.done:1:0', String(question.id));
    h.discord.dmButton(U1, 'mock.done:1:0', String(question.id), press);
    await waitFor(() => texts(dm).some((t) => t.includes('Probe 1 of')));
    await waitFor(() => h!.discord.answers(press).length === 2);
    expect(h.discord.answers(press).map((c) => (c.body as { type: number }).type)).toEqual([6, 6]);
    expect(texts(dm).filter((t) => t.includes('Probe 1 of'))).toHaveLength(1);
    const steps = (await session()).state.steps;
    for (let step = 1; step < steps; step++) {
      h.discord.directMessage(U1, `Reply ${step}.`);
      await waitFor(async () => (await h!.repo.mockSession(1))!.state.answers[step]!.length === 1);
      h.discord.directMessage(U1, 'done');
      await waitFor(async () => (await h!.repo.mockSession(1))!.step === step + 1);
    }
    await waitFor(() => texts(dm).some((t) => t.includes('Grade yourself')));
    expect(texts(dm).join('\n')).toContain('Bias is systematic error.');

    const open = h.discord.dmButton(U1, 'grade.open:m:1', '1');
    const modal = await waitFor(() => h!.discord.answers(open)[0]);
    expect((modal.body as { type: number; data: { custom_id: string } }).data.custom_id).toBe('mlq.grade:m:1');
    const submitted = h.discord.dmModal(U1, 'mlq.grade:m:1', [
      { type: 18, id: 2, component: { type: 22, id: 3, custom_id: 'covered', values: ['0'] } },
    ]);
    const saved = await waitFor(() => h!.discord.answers(submitted)[0]);
    expect(JSON.stringify(saved.body)).toContain('Saved: 1 of');
    const grades = await h.database.store.db.selectFrom('grades').select(['member_id', 'source', 'channel_id']).execute();
    expect(grades).toEqual([{ member_id: `discord:${GUILD}:${U1}`, source: 'mock', channel_id: `discord:${GUILD}:${CHANNEL}` }]);
    h.discord.directMessage(U1, 'all');
    await waitFor(() => texts(dm).some((t) => t.includes('Changed:')));
  });

  it('falls back to a private thread when the member refuses DMs (50007), where a replayed Done press counts once', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    h.discord.refuseDms.add(U1);
    const started = await run(U1, 'mock');
    expect(started.text).toContain('in a private thread in this channel');
    const refused = h.discord.of('POST', /\/channels\/\d+\/messages$/).find((c) => c.status === 403);
    expect(refused?.result).toEqual({ message: 'Cannot send messages to this user', code: 50007 });
    const [thread, settings] = [...h.discord.standaloneThreads.entries()][0]!;
    expect(settings).toEqual({ type: 12, invitable: false, parent: CHANNEL, name: 'Mock interview', members: new Set([U1]) });
    await waitFor(() => texts(thread).length === 2);
    const question = h.discord.messagesIn(thread)[1]!;
    expect(JSON.stringify(question.components)).toContain('"custom_id":"mock.done:1:0"');

    h.discord.threadMessage(U2, thread, 'Someone else speaking.');
    h.discord.threadMessage(U1, thread, 'My answer in the thread.');
    await waitFor(async () => (await session()).state.answers[0]!.length === 1);
    expect((await session()).state.answers[0]![0]!.text).toBe('My answer in the thread.');

    const press = h.discord.button(U1, 'mock.done:1:0', String(question.id), thread);
    h.discord.button(U1, 'mock.done:1:0', String(question.id), thread, press);
    h.discord.button(U1, 'mock.done:1:0', String(question.id), thread);
    await waitFor(() => texts(thread).some((t) => t.includes('Probe 1 of')));
    await waitFor(() => h!.discord.calls.filter((c) => /\/interactions\/\d+\/[^/]+\/callback$/.test(c.path)).length >= 3);
    expect(texts(thread).filter((t) => t.includes('Probe 1 of'))).toHaveLength(1);
    expect((await session()).step).toBe(1);
  });

  it('clips long answers and keeps the summary within embed limits', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    await run(U1, 'mock');
    const dm = h.discord.dmChannels.get(U1)!;
    const steps = (await session()).state.steps;
    for (let step = 0; step < steps; step++) {
      for (let i = 0; i < 3; i++) h.discord.directMessage(U1, `${'**_x_** '.repeat(400)} step ${step}`);
      await waitFor(async () => (await h!.repo.mockSession(1))!.state.answers[step]!.length === 3);
      h.discord.directMessage(U1, 'done');
      await waitFor(async () => (await h!.repo.mockSession(1))!.step === step + 1);
    }
    await waitFor(() => texts(dm).some((t) => t.includes('Grade yourself')));
    expect(h.discord.calls.filter((c) => c.status >= 400)).toEqual([]);
  });
});
