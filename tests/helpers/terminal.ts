import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import type { ConsoleConfig } from '../../src/platforms/console/config.ts';
import { ConsolePlatform } from '../../src/platforms/console/platform.ts';
import type { Harness } from './harness.ts';

export interface TerminalSession {
  platform: ConsolePlatform;
  input: PassThrough;
  output: () => string;
  /** What was printed after the `from`-th character, ANSI and cursor moves removed. */
  plain(from?: number): string;
}

/**
 * The terminal channel in this process, on streams the test writes and reads, attached to the harness's core and
 * store: `console:terminal` and its tester unless `settings` say otherwise.
 */
export async function openTerminal(
  h: Harness,
  options: { interactive?: boolean; columns?: number; settings?: Partial<ConsoleConfig> } = {},
): Promise<TerminalSession> {
  const interactive = options.interactive ?? false;
  const input = new PassThrough();
  const out = Object.assign(new PassThrough(), { columns: options.columns });
  let printed = '';
  out.on('data', (d: Buffer) => (printed += d.toString()));
  const platform = new ConsolePlatform(
    {
      channelId: 'console:terminal',
      communityId: 'console',
      memberId: 'console:tester',
      memberName: 'tester',
      timezone: 'UTC',
      ...options.settings,
    },
    'a test store',
    { input, output: out, colour: interactive, interactive },
  );
  h.deps.ports.register(platform.port);
  platform.attach(h.mlq);
  await platform.start();
  return { platform, input, output: () => printed, plain: (from = 0) => stripVTControlCharacters(printed.slice(from)) };
}

/** Pipes lines into a terminal channel, ends the input, and returns all it printed once it has handled them. */
export async function pipedTerminal(h: Harness, lines: string[], settings?: Partial<ConsoleConfig>): Promise<string> {
  const session = await openTerminal(h, { settings });
  session.input.end(lines.map((l) => `${l}\n`).join(''));
  await session.platform.finished;
  return session.output();
}
