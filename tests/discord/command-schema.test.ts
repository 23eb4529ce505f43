import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/core/commands/config-settings.ts';
import { parseCommand } from '../../src/core/commands/parse.ts';
import { COMMANDS } from '../../src/core/commands/registry.ts';
import { commandLine, type RawOption } from '../../src/platforms/discord/parse.ts';
import { applicationCommands, mlqCommand, splitCommands } from '../../src/platforms/discord/render.ts';

const GUILD = '900000000000000001';
type Split = ReturnType<typeof splitCommands>;
const schema = mlqCommand();
/** A spec as Discord offers it: a subcommand of `/mlq`, or a command of its own past the limit. */
const sub = (name: string): (typeof schema.options)[number] =>
  schema.options.find((o) => o.name === name) ??
  ({ type: 1, ...applicationCommands().find((c) => c.name === `mlq-${name}`)! } as unknown as (typeof schema.options)[number]);
const optionOf = (command: string, name: string) => sub(command).options.find((o) => o.name === name)!;

/** A value Discord would send for an option: a choice, a member, a switched-on flag or an example word. */
function sample(command: string, option: { type: number; name: string; choices?: { value: string }[] }, choice?: string): RawOption {
  if (option.type === 6) return { name: option.name, type: 6, value: '42' };
  if (option.type === 5) return { name: option.name, type: 5, value: true };
  const examples: Record<string, string> = {
    'help.command': 'streak',
    'ask.topic': 'calibration',
    'away.days': '5',
    'config.value': '09:30',
    'grade.points': '1 3',
    'review.value': '08:00',
    'archive.words': 'overfitting',
    'queue.suggestion': '3',
    'next.question': 'bias-variance-tradeoff',
    'mock.level': 'senior',
  };
  return { name: option.name, type: 3, value: choice ?? option.choices?.[0]?.value ?? examples[`${command}.${option.name}`]! };
}

describe("Discord's /mlq schema, generated from the core's command specs", () => {
  it('has one subcommand per spec, in the order help lists them, up to the 25 Discord allows', () => {
    expect(schema.options.map((o) => o.name)).toEqual([
      'help',
      'today',
      'ask',
      'solution',
      'grade',
      'review',
      'mock',
      'guidance',
      'streak',
      'away',
      'leaderboard',
      'stats',
      'pairs',
      'privacy',
      'forget',
      'topics',
      'archive',
      'web',
      'suggest',
      'reveal',
      'skip',
      'start',
      'stop',
      'config',
      'queue',
    ]);
  });

  it('registers the organiser commands past the limit as commands of their own, the last in help first', () => {
    const all = applicationCommands();
    expect(all.map((c) => c.name)).toEqual(['mlq', 'mlq-next', 'mlq-export']);
    expect(all[2]).toEqual({ name: 'mlq-export', description: expect.stringMatching(/^Organisers: /), dm_permission: false, options: [] });
    const names = [...schema.options.map((o) => o.name), ...all.slice(1).map((c) => c.name.replace(/^mlq-/, ''))];
    expect(names.sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    expect(commandLine([], GUILD, 'mlq-export')).toBe('/mlq export');
    const [at, under, above] = [25, 24, 26].map((n) => splitCommands(COMMANDS.slice(0, n))) as [Split, Split, Split];
    expect([at.own, under.own].map((o) => o.length)).toEqual([0, 0]);
    expect(above.own.map((c) => c.name)).toEqual(['next']);
    expect(above.under).toHaveLength(25);
    const more = splitCommands([...COMMANDS, { ...COMMANDS[1]!, name: 'extra' }]);
    expect(more.own.map((c) => c.name)).toEqual(['queue', 'next', 'export']);
    expect(more.under.at(-1)?.name).toBe('extra');
  });

  it('gives every spec option its Discord type, choices and limits', () => {
    for (const spec of COMMANDS) {
      expect(
        sub(spec.name).options.map((o) => o.name),
        spec.name,
      ).toEqual((spec.options ?? []).map((o) => o.name));
    }
    expect(sub('leaderboard').options).toEqual([
      {
        type: 3,
        name: 'period',
        description: 'week, month, season or all',
        required: false,
        choices: [
          { name: 'week', value: 'week' },
          { name: 'month', value: 'month' },
          { name: 'season', value: 'season' },
          { name: 'all', value: 'all' },
        ],
      },
      { type: 5, name: 'public', description: 'Post it for everyone', required: false },
    ]);
    expect(optionOf('streak', 'member')).toEqual({
      type: 6,
      name: 'member',
      description: 'Another member (default: you)',
      required: false,
    });
    expect(optionOf('away', 'days')).toEqual({
      type: 3,
      name: 'days',
      description: 'Days away (1 to 14), or off',
      required: true,
      max_length: 3,
    });
    expect(optionOf('ask', 'level').choices).toEqual([
      { name: 'junior', value: 'junior' },
      { name: 'mid', value: 'mid' },
      { name: 'senior', value: 'senior' },
    ]);
    expect(optionOf('ask', 'category').choices).toContainEqual({ name: 'Statistics and probability', value: 'statistics' });
  });

  it('offers every setting of /mlq config as a choice', () => {
    const choices = optionOf('config', 'setting').choices!.map((c) => c.value);
    expect(choices).toEqual(SETTINGS.map((s) => s.name));
    expect(choices).toEqual(expect.arrayContaining(['time', 'timezone', 'days', 'reveal', 'digest', 'ramp', 'categories', 'levels']));
  });

  it('stays within Discord limits: names, descriptions, choices and options', () => {
    expect(schema.options.length).toBeLessThanOrEqual(25);
    for (const s of schema.options) {
      expect(s.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(s.description.length, s.name).toBeGreaterThan(0);
      expect(s.description.length, s.name).toBeLessThanOrEqual(100);
      expect(s.description, s.name).not.toMatch(/[`*]/);
      expect(s.options.length).toBeLessThanOrEqual(25);
      for (const o of s.options) {
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(o.choices?.length ?? 0).toBeLessThanOrEqual(25);
      }
    }
    expect(sub('reveal').description).toBe("Organisers: reveal the open round's strong answer now");
    expect(sub('leaderboard').description).toBe("This week's, month's, season's or all-time leaderboard (add public to post it)");
  });

  it('turns every option and every choice into a command line the core accepts', () => {
    const lines: string[] = [];
    for (const s of schema.options) {
      if (!s.options.some((o) => o.required)) lines.push(commandLine([{ name: s.name, type: 1, options: [] }], GUILD));
      for (const option of s.options) {
        for (const choice of option.choices?.map((c) => c.value) ?? [undefined]) {
          const options = [sample(s.name, option, choice)];
          if (s.name === 'config' && option.name === 'setting')
            options.push({ name: 'value', type: 3, value: SETTINGS.find((x) => x.name === choice)!.example });
          if (s.name === 'config' && option.name === 'value') options.unshift({ name: 'setting', type: 3, value: 'time' });
          lines.push(commandLine([{ name: s.name, type: 1, options }], GUILD));
        }
      }
    }
    const refused = lines.filter((line) => !parseCommand(line, COMMANDS).ok);
    expect(refused).toEqual([]);
    expect(lines).toContain('/mlq leaderboard public');
    expect(lines).toContain(`/mlq stats <@discord:${GUILD}:42>`);
    expect(lines).toContain('/mlq config timezone Europe/Berlin');
    expect(lines).toContain('/mlq ask senior');
    expect(lines).toContain('/mlq grade practice');
    expect(lines).toContain('/mlq review remind');
    expect(lines).toContain('/mlq review 08:00');
  });
});
