import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands/registry.ts';
import { card, fields, list, text } from '../../src/core/message.ts';
import { discordConfig } from '../../src/platforms/discord/config.ts';
import { classifyDispatch, commandLine } from '../../src/platforms/discord/parse.ts';
import { applicationCommands, LIMITS, renderMessages } from '../../src/platforms/discord/render.ts';

describe('Discord rendering', () => {
  it('keeps every message within the embed limits', () => {
    const long = Array.from({ length: 500 }, (_, i) => `Sentence ${i} adds one more detail to the answer.`).join(' ');
    const huge = card('A very long reveal', [
      ...Array.from({ length: 12 }, () => text(long.slice(0, 3000))),
      list(
        Array.from({ length: 150 }, (_, i) => `point ${i} ${'x'.repeat(30)}`),
        '**Points**',
      ),
      fields(Array.from({ length: 40 }, (_, i) => ({ label: `F${i}`, value: 'v'.repeat(1500) }))),
    ]);
    const messages = renderMessages(huge);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
      let total = 0;
      for (const e of m.embeds) {
        expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
        expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
        for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
        total +=
          (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
      }
      expect(total).toBeLessThanOrEqual(LIMITS.message);
    }
  });

  it('offers every core command as a /mlq subcommand', () => {
    const [mlq, ...own] = applicationCommands();
    const offered = [...mlq!.options.map((o) => o.name), ...own.map((c) => c.name.replace(/^mlq-/, ''))].sort();
    expect(offered).toEqual(COMMANDS.map((c) => c.name).sort());
  });
});

describe('Discord input', () => {
  it('turns a subcommand and its typed options into the core command line', () => {
    const guild = '900000000000000001';
    expect(
      commandLine(
        [
          {
            name: 'leaderboard',
            type: 1,
            options: [
              { name: 'period', type: 3, value: 'all' },
              { name: 'public', type: 5, value: true },
            ],
          },
        ],
        guild,
      ),
    ).toBe('/mlq leaderboard all public');
    expect(commandLine([{ name: 'streak', type: 1, options: [{ name: 'member', type: 6, value: '42' }] }], guild)).toBe(
      `/mlq streak <@discord:${guild}:42>`,
    );
    expect(commandLine([], guild)).toBe('/mlq help');
  });

  it('ignores bots, webhooks and system messages, and reads a DM as a direct message (for mock interviews)', () => {
    const base = { id: '1', channel_id: '2', guild_id: '3', content: 'hi', type: 0 };
    expect(classifyDispatch('MESSAGE_CREATE', { ...base, author: { id: '9' } }).kind).toBe('reply');
    expect(classifyDispatch('MESSAGE_CREATE', { ...base, author: { id: '9', bot: true } }).kind).toBe('ignore');
    expect(classifyDispatch('MESSAGE_CREATE', { ...base, author: { id: '9' }, webhook_id: 'w' }).kind).toBe('ignore');
    expect(classifyDispatch('MESSAGE_CREATE', { ...base, author: { id: '9' }, type: 7 }).kind).toBe('ignore');
    const dm = { ...base, guild_id: undefined };
    expect(classifyDispatch('MESSAGE_CREATE', { ...dm, author: { id: '9' } })).toEqual({
      kind: 'direct',
      channel: '2',
      message: '1',
      user: '9',
      text: 'hi',
    });
    expect(classifyDispatch('MESSAGE_CREATE', { ...dm, author: { id: 'BOT' } }, 'BOT').kind).toBe('ignore');
    expect(classifyDispatch('MESSAGE_CREATE', { ...dm, author: { id: '9', bot: true } }).kind).toBe('ignore');
    expect(classifyDispatch('MESSAGE_CREATE', { ...dm, author: { id: '9' }, type: 7 }).kind).toBe('ignore');
    expect(classifyDispatch('MESSAGE_CREATE', { ...dm, author: { id: '9' }, content: '' }).kind).toBe('ignore');
    expect(classifyDispatch('MESSAGE_UPDATE', { ...dm, author: { id: '9' } }).kind).toBe('ignore');
    expect(classifyDispatch('MESSAGE_REACTION_ADD', { user_id: 'BOT', channel_id: '2', message_id: '1', guild_id: '3' }, 'BOT').kind).toBe(
      'ignore',
    );
  });
});

describe('Discord edits', () => {
  it('carry the author and the thread when the gateway sends them', () => {
    const base = { id: '1', channel_id: '2', guild_id: '3', content: 'new text' };
    expect(classifyDispatch('MESSAGE_UPDATE', { ...base, author: { id: '9', username: 'ann' }, member: { nick: 'Ann' } })).toEqual({
      kind: 'edit',
      guild: '3',
      channel: '2',
      message: '1',
      text: 'new text',
      user: '9',
      name: 'Ann',
    });
    expect(classifyDispatch('MESSAGE_UPDATE', base, 'BOT')).toEqual({
      kind: 'edit',
      guild: '3',
      channel: '2',
      message: '1',
      text: 'new text',
    });
    expect(classifyDispatch('MESSAGE_UPDATE', { ...base, author: { id: '9', bot: true } }).kind).toBe('ignore');
  });
});

describe('Discord settings', () => {
  it('is off without a token and names a malformed setting in one sentence', () => {
    expect(discordConfig({})).toEqual({ ok: true, value: null });
    const bad = discordConfig({
      DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAw.GfAkEt.abcdefghijklmnopqrstuvwxyz',
      DISCORD_API_URL: 'https://discord.com/api/v10',
    });
    expect(!bad.ok && bad.message).toBe(
      'DISCORD_API_URL must be an http(s) REST base URL without the API version (got "https://discord.com/api/v10"); for example DISCORD_API_URL=https://discord.com/api.',
    );
    const off = discordConfig({
      DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAw.GfAkEt.abcdefghijklmnopqrstuvwxyz',
      DISCORD_MESSAGE_CONTENT: 'false',
    });
    expect(off.ok && off.value).toMatchObject({ messageContent: false, shards: 'auto' });
  });
});
