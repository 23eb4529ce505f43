import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsolePlatform } from '../../src/platforms/console/platform.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterAll(async () => {
  await h.close();
});

/** Pipes lines into the terminal channel and returns what it printed, its wrapping undone. */
async function piped(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const out = new PassThrough();
  let printed = '';
  out.on('data', (d: Buffer) => (printed += d.toString()));
  const platform = new ConsolePlatform(
    { channelId: 'console:terminal', communityId: 'console', memberId: 'console:tester', memberName: 'tester', timezone: 'UTC' },
    'a test store',
    { input, output: out, colour: false, interactive: false },
  );
  h.deps.ports.register(platform.port);
  platform.attach(h.mlq);
  await platform.start();
  input.end(lines.map((l) => `${l}\n`).join(''));
  await platform.finished;
  return printed.replace(/\s+/g, ' ');
}

describe('pairs in the terminal', () => {
  it('says pairs need at least two members, for the status and for joining, and opts nobody in', async () => {
    const shown = await piped(['/mlq pairs', '/mlq pairs join']);
    const answer = 'Mock-interview pairs need at least two members, and the terminal has one (you). Use /mlq pairs in Slack or Discord.';
    expect(shown.split(answer)).toHaveLength(3);
    expect(await h.database.store.db.selectFrom('pair_members').selectAll().execute()).toEqual([]);
  });
});
