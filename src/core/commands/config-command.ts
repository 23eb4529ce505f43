import { z } from 'zod';
import { card, context, fields } from '../message.ts';
import { addDays, formatLocal, nextDigestAt, nextPlannedRound } from '../schedule.ts';
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
    const guess = didYouMean(name.toLowerCase(), SETTINGS.map((s) => s.name));
    ctx.addIssue({ code: 'custom', message: `\`${name.slice(0, 30)}\` is not a setting${guess ? ` (did you mean \`${guess}\`?)` : ''}; the settings are ${settingNames}` });
    return z.NEVER;
  }
  if (value.length === 0) {
    ctx.addIssue({ code: 'custom', message: `give a value for ${setting.name}, for example \`/mlq config ${setting.name} ${setting.example}\`` });
    return z.NEVER;
  }
  const parsed = setting.value.safeParse(value.join(' '));
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'that value is not right' });
    return z.NEVER;
  }
  return { show: false as const, setting: setting.name, change: parsed.data };
});

function settingsCard(channel: Channel, now: Date, heading: string) {
  const next = nextPlannedRound(channel, now);
  return card(heading, [
    fields(SETTINGS.map((s) => ({ label: s.name, value: s.show(channel) }))),
    context(
      `${next ? `Next question: ${formatLocal(next.postAt, channel.timezone)}. ` : ''}` +
        'Change one with `/mlq config <setting> <value>`, for example `/mlq config time 09:30`.',
    ),
  ]);
}

export const config = defineCommand({
  name: 'config',
  aliases: ['settings'],
  summary: "Show or change the channel's schedule and question mix",
  usage: '[time|timezone|days|reveal|digest|ramp|min-words|categories|levels <value>]',
  details:
    'Examples: `time 09:30`, `timezone Europe/Berlin`, `days mon-fri`, `reveal 6h` or `reveal at 17:00`, `digest fri 16:00`, `ramp on`, ' +
    '`min-words 12` (words a reply needs to count as an answer, 0 to 200; 0 or off turns the bar off), `categories statistics,evaluation`, `levels all`.',
  organiserOnly: true,
  needsChannel: true,
  args: configArgs,
  async run(ctx, args) {
    const channel = ctx.channel!;
    if (args.show) return privately(settingsCard(channel, ctx.now, 'Channel settings'));
    const updated: Channel = { ...channel, ...args.change };
    const next = updated.active ? nextPlannedRound(updated, ctx.now) : null;
    const latest = await ctx.deps.repo.latestRound(channel.id);
    const after = latest && next && latest.localDate >= next.localDate ? nextPlannedRound(updated, ctx.now, addDays(latest.localDate, 1)) : next;
    await ctx.deps.repo.saveChannel({ ...updated, nextPostAt: after?.postAt ?? null, nextDigestAt: updated.active ? nextDigestAt(updated, ctx.now) : null });
    const saved = (await ctx.deps.repo.getChannel(channel.id)) ?? updated;
    if (args.setting === 'categories' || args.setting === 'levels') {
      const pool = await ctx.deps.repo.searchQuestions({ categories: saved.categories, levels: saved.levels, words: [] }, 1);
      if (pool.length === 0) return say('Saved, but no question in the bank matches these categories and levels.');
    }
    return privately(settingsCard(saved, ctx.now, `Saved: ${args.setting} is now ${SETTINGS.find((s) => s.name === args.setting)!.show(saved)}`));
  },
});

