import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN } from '../helpers/discord-harness.ts';
import { CHANNEL, FakeDiscord } from '../helpers/fake-discord.ts';
import { FAILED_REPLY } from '../helpers/process.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { waitFor } from '../helpers/wait.ts';

const ADMIN = '900000000000000050';

let discord: FakeDiscord | undefined;
let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  await discord?.stop();
  running = discord = undefined;
});

describe('SIGTERM while an interaction is being handled', () => {
  it('closes the gateway at once, finishes the command and its answer, then exits 0', async () => {
    discord = await new FakeDiscord().start();
    running = await startTestService('stop-in-flight', { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'info' });
    const { service } = running;
    await waitFor(() => discord!.shardConnections().length === 1, 30_000);

    // The question's post reaches Discord but its answer is held: `/mlq start` is in the middle of its work.
    const held = discord.hold('POST /channels/:id/messages');
    const id = discord.command(ADMIN, 'start', [], true);
    const post = await held;
    service.child.kill('SIGTERM');
    await waitFor(() => discord!.shardConnections().length === 0);
    expect(service.child.exitCode).toBeNull();
    post.release();

    expect(await service.exited).toBe(0);
    const answers = discord.answers(id);
    const final = answers.find((c) => c.method === 'PATCH') ?? answers[0];
    expect(JSON.stringify(final?.body)).toMatch(/question/i);
    expect(JSON.stringify(answers.map((c) => c.body))).not.toMatch(FAILED_REPLY);
    expect(discord.messagesIn(CHANNEL)).toHaveLength(1);
    expect(discord.of('POST', /\/threads$/)).toHaveLength(1);
    expect(service.errors()).toEqual([]);
    const said = service.stdout();
    expect(said.indexOf('"msg":"stopped"')).toBeGreaterThan(said.indexOf('stopping: taking no new work'));
  });
});
