import { DateTime } from 'luxon';
import { z } from 'zod';
import { card, context, fields } from '../message.ts';
import { nextPairsAt } from '../pairs-schedule.ts';
import { addDays, nextDigestAt, nextPlannedRound } from '../schedule.ts';
import type { Channel } from '../types.ts';
import { findSetting, SETTINGS } from './config-settings.ts';
import { didYouMean } from './parse.ts';
import { privately, say } from './reply.ts';
import { defineCommand } from './spec.ts';

const settingNames = SETTINGS.map((s) => s.name).join(', ');

const configArgs = z.array(z.string()).transform((tokens, ctx) => {
  if (tokens.length === 0) return { show: true as const };
  const [name, ...value] = tokens as [string, ...string[]];
  const setting = findSetting(name);
  if (!setting) {
    const guess = didYouMean(
      name.toLowerCase(),
      SETTINGS.map((s) => s.name),
    );
    ctx.addIssue({
      code: 'custom',
      message: `\`${name.slice(0, 30)}\` is not a setting${guess ? ` (did you mean \`${guess}\`?)` : ''}; the settings are ${settingNames}`,
    });
    return z.NEVER;
  }
  if (value.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: `give a value for ${setting.name}, for example \`/mlq config ${setting.name} ${setting.example}\``,
    });
    return z.NEVER;
  }
  const parsed = setting.value.safeParse(value.join(' '));
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'that value is not right' });
    return z.NEVER;
  }
  return { show: false as const, setting: setting.name, change: parsed.data };
});

/** A local date and time with its zone, such as "Tue 1 Dec 09:00 (Europe/Berlin)". */
export function formatDateTime(at: Date, timezone: string): string {
  return `${DateTime.fromJSDate(at, { zone: timezone }).toFormat('ccc d LLL HH:mm')} (${timezone})`;
}

/** When the channel's next question is posted, read from the schedule the scheduler itself follows. */
export function nextPostText(channel: Channel, now: Date): string {
  if (!channel.active) return 'The channel is paused: no question is planned until `/mlq start`.';
  if (!channel.nextPostAt) return 'No question is planned: no day of the schedule is left.';
  if (channel.nextPostAt <= now) return 'The next question is due now and is posted within a minute.';
  return `Next question: ${formatDateTime(channel.nextPostAt, channel.timezone)}.`;
}

function settingsCard(channel: Channel, now: Date, heading: string) {
  return card(heading, [
    fields(SETTINGS.map((s) => ({ label: s.name, value: s.show(channel) }))),
    context(`${nextPostText(channel, now)} Change one with \`/mlq config <setting> <value>\`, for example \`/mlq config time 09:30\`.`),
  ]);
}

export const config = defineCommand({
  name: 'config',
  aliases: ['settings'],
  summary: "Show or change the channel's schedule and question mix",
  usage: '[<setting> <value>]',
  details:
    `Settings: ${settingNames}. ` +
    'Examples: `time 09:30`, `timezone Europe/Berlin`, `days mon-fri`, `reveal 6h` or `reveal at 17:00`, `digest fri 16:00`, ' +
    '`pairs mon 09:00` (add `biweekly` for every two weeks; `off` stops them), `ramp on`, ' +
    '`min-words 12` (words a reply needs to count as an answer, 0 to 200; 0 or off turns the bar off), `season month` (or quarter, the default), ' +
    '`champion-role @Champion` (Discord: the role the season’s champion gets; off to stop), `categories statistics,evaluation`, `levels all`.',
  organiserOnly: true,
  needsChannel: true,
  args: configArgs,
  options: [
    { name: 'setting', description: 'What to change', kind: 'text', choices: SETTINGS.map((s) => ({ value: s.name })) },
    { name: 'value', description: 'For example 09:30, Europe/Berlin, mon-fri, 6h', kind: 'text', maxLength: 100 },
  ],
  async run(ctx, args) {
    const channel = ctx.channel!;
    if (args.show) return privately(settingsCard(channel, ctx.now, 'Channel settings'));
    const updated: Channel = { ...channel, ...args.change };
    const next = updated.active ? nextPlannedRound(updated, ctx.now) : null;
    const latest = await ctx.deps.repo.latestRound(channel.id);
    const after =
      latest && next && latest.localDate >= next.localDate ? nextPlannedRound(updated, ctx.now, addDays(latest.localDate, 1)) : next;
    await ctx.deps.repo.saveChannel({
      ...updated,
      nextPostAt: after?.postAt ?? null,
      nextDigestAt: updated.active ? nextDigestAt(updated, ctx.now) : null,
      ...(args.setting === 'pairs' || args.setting === 'timezone'
        ? { nextPairsAt: nextPairsAt(updated, ctx.now, await ctx.deps.repo.latestPairCycleDate(channel.id)) }
        : {}),
    });
    const saved = (await ctx.deps.repo.getChannel(channel.id)) ?? updated;
    if (args.setting === 'categories' || args.setting === 'levels') {
      const pool = await ctx.deps.repo.searchQuestions({ categories: saved.categories, levels: saved.levels, words: [] }, 1);
      if (pool.length === 0) return say('Saved, but no question in the bank matches these categories and levels.');
    }
    return privately(
      settingsCard(saved, ctx.now, `Saved: ${args.setting} is now ${SETTINGS.find((s) => s.name === args.setting)!.show(saved)}`),
    );
  },
});
