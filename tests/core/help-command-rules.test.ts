import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adaptSpec, helpCommand } from '../../src/core/commands/help-command.ts';
import { type AnyCommand, defineCommand } from '../../src/core/commands/spec.ts';
import type { CoreDeps } from '../../src/core/deps.ts';
import type { CommandEvent } from '../../src/core/events.ts';
import type { Card } from '../../src/core/message.ts';
import { DEFAULT_CAPABILITIES, type PortCapabilities, Ports } from '../../src/core/port.ts';
import { RecordingPort } from '../helpers/recording-port.ts';

const spec = (name: string, extra: Partial<AnyCommand> = {}): AnyCommand =>
  defineCommand({
    name,
    summary: `Summary of ${name}`,
    usage: '',
    organiserOnly: false,
    needsChannel: false,
    args: z.array(z.string()),
    run: async () => {
      throw new Error('help never runs another command');
    },
    ...extra,
  });

const board = spec('board', {
  aliases: ['lb', 'top'],
  summary: 'The leaderboard (add `public` to post it)',
  usage: '[week|all] [public]',
  without: { publicReplies: { usage: '[week|all]', summary: 'The leaderboard' } },
});
const plain = spec('plain');
const tune = spec('tune', {
  summary: 'Change a setting',
  usage: '<setting> <value>',
  details: 'For example `/mlq tune time 09:30`.',
  organiserOnly: true,
});
const halt = spec('halt', { summary: 'Pause the channel', organiserOnly: true });
const SPECS: AnyCommand[] = [];
SPECS.push(
  helpCommand(() => SPECS),
  plain,
  board,
  tune,
  halt,
);

class Platform extends RecordingPort {
  constructor(readonly capabilities: Partial<PortCapabilities>) {
    super('test');
  }
}

async function help(command: string | undefined, capabilities: Partial<PortCapabilities> = {}): Promise<Card> {
  const ports = new Ports();
  ports.register(new Platform(capabilities));
  const ctx = {
    deps: { ports } as unknown as CoreDeps,
    event: { channelId: 'test:C1', communityId: 'test:W', actor: { id: 'test:W:U1', name: 'ada' }, text: 'help' } as CommandEvent,
    channel: null,
    now: new Date('2026-11-30T09:00:00Z'),
  };
  const helpSpec = SPECS[0] as AnyCommand;
  const reply = await helpSpec.run(ctx, helpSpec.args.parse(command === undefined ? [] : [command]));
  expect(reply.visibility).toBe('private');
  return reply.card;
}

const list = (c: Card, title: string) => c.blocks.find((b) => b.type === 'list' && b.title === title);
const itemsOf = (c: Card, title: string) => {
  const b = list(c, title);
  return b?.type === 'list' ? b.items : undefined;
};
const contextOf = (c: Card) => c.blocks.flatMap((b) => (b.type === 'context' ? [b.markdown] : []));

const PEER = '**2 points** for each reaction a peer puts on your answer, up to 5 per answer; your own reactions do not count.';

describe('a spec adapted to what the platform can do', () => {
  it('keeps the full usage where the platform has the capability and the shorter one where it lacks it', () => {
    expect(adaptSpec(board, DEFAULT_CAPABILITIES)).toBe(board);
    const lacking = adaptSpec(board, { ...DEFAULT_CAPABILITIES, publicReplies: false });
    expect(lacking.usage).toBe('[week|all]');
    expect(lacking.summary).toBe('The leaderboard');
    expect(lacking.name).toBe('board');
    expect(lacking.aliases).toEqual(['lb', 'top']);
    expect(adaptSpec(plain, { reactions: false, publicReplies: false, revealRecap: false, privateButtons: false })).toBe(plain);
  });
});

describe('/mlq help', () => {
  it('lists everyone’s commands, then the organisers’, then the point rules', async () => {
    const c = await help(undefined);
    expect(c.title).toBe('mlq: a daily ML interview question for your study group');
    expect(c.blocks[0]).toEqual({
      type: 'text',
      markdown: "Answer the day's question in its thread before the reveal; then read what a strong answer covers and reply to a probe.",
    });
    expect(c.blocks.map((b) => (b.type === 'list' ? b.title : b.type))).toEqual([
      'text',
      '**Everyone**',
      '**Organisers**',
      '**Points and streaks**',
      'context',
    ]);
    expect(itemsOf(c, '**Everyone**')).toEqual([
      '`/mlq help [command]`: The commands, or the details of one',
      '`/mlq plain`: Summary of plain',
      '`/mlq board [week|all] [public]`: The leaderboard (add `public` to post it)',
    ]);
    expect(itemsOf(c, '**Organisers**')).toEqual(['`/mlq tune <setting> <value>`: Change a setting', '`/mlq halt`: Pause the channel']);
    expect(contextOf(c)).toEqual(['`/mlq help <command>` shows the details of one command.']);
  });

  it('gives all eight point rules where members react, and leaves out the peer vote where they cannot', async () => {
    const rules = itemsOf(await help(undefined), '**Points and streaks**');
    expect(rules).toHaveLength(8);
    expect(rules?.[5]).toMatch(/^\*\*5 points\*\* each, once per pairing cycle, when every member of your mock-interview pair/);
    expect(rules?.[4]).toMatch(/^\*\*2 points\*\* once per round for grading your answer against the key points/);
    expect(rules?.[0]).toBe("**10 points** for your first answer in a round's thread before the reveal (later replies are discussion).");
    expect(rules?.[2]).toBe(PEER);
    const without = itemsOf(await help(undefined, { reactions: false }), '**Points and streaks**');
    expect(without).toHaveLength(7);
    expect(without).not.toContain(PEER);
    expect(without?.[2]).toMatch(/^\*\*5 points\*\* once per round for a reply of at least 8 words/);
  });

  it('shows the shorter usage where replies cannot be public, and adds the platform’s own note', async () => {
    const c = await help(undefined, { publicReplies: false, helpNote: 'Type `exit` to leave.' });
    expect(itemsOf(c, '**Everyone**')).toEqual([
      '`/mlq help [command]`: The commands, or the details of one',
      '`/mlq plain`: Summary of plain',
      '`/mlq board [week|all]`: The leaderboard',
    ]);
    expect(contextOf(c)).toEqual(['`/mlq help <command>` shows the details of one command. Type `exit` to leave.']);
  });

  it('details one command by name or alias, in any case, with its usage, details and aliases', async () => {
    const one = await help('board');
    expect(one).toEqual({
      title: '/mlq board',
      blocks: [
        { type: 'text', markdown: 'The leaderboard (add `public` to post it).' },
        { type: 'context', markdown: 'Usage: `/mlq board [week|all] [public]` · also: lb, top' },
      ],
      fallback: '/mlq board\nThe leaderboard (add public to post it).',
    });
    expect((await help('LB')).title).toBe('/mlq board');
    expect((await help('Top')).title).toBe('/mlq board');
    const tuned = await help('tune');
    expect(tuned.blocks).toEqual([
      { type: 'text', markdown: 'Change a setting. For example `/mlq tune time 09:30`.' },
      { type: 'context', markdown: 'Usage: `/mlq tune <setting> <value>` · organisers only' },
    ]);
    expect((await help('plain')).blocks).toEqual([
      { type: 'text', markdown: 'Summary of plain.' },
      { type: 'context', markdown: 'Usage: `/mlq plain`' },
    ]);
  });

  it('details the adapted usage on a platform without public replies', async () => {
    expect(contextOf(await help('board', { publicReplies: false }))).toEqual(['Usage: `/mlq board [week|all]` · also: lb, top']);
  });

  it('works in any channel, subscribed or not, and offers one optional text argument to command pickers', () => {
    const helpSpec = helpCommand(() => []);
    expect([helpSpec.name, helpSpec.usage, helpSpec.summary]).toEqual(['help', '[command]', 'The commands, or the details of one']);
    expect(helpSpec.needsChannel).toBe(false);
    expect(helpSpec.organiserOnly).toBe(false);
    expect(helpSpec.options).toEqual([{ name: 'command', description: 'A command', kind: 'text' }]);
    expect(helpSpec.args.parse(['board'])).toEqual({ command: 'board', rest: [] });
  });

  it('falls back to the full list for a word that names no command', async () => {
    const c = await help('nonsense');
    expect(c.title).toBe('mlq: a daily ML interview question for your study group');
    expect(itemsOf(c, '**Organisers**')).toHaveLength(2);
  });
});
