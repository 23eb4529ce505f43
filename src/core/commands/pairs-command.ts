import { z } from 'zod';
import { memberZone } from '../member-zone.ts';
import { pairsStatusCard } from '../pairs-cards.ts';
import { packFor } from '../pairs-cycle.ts';
import { MAX_SNOOZE_WEEKS, snoozeLastDay, snoozeUntil } from '../pairs-schedule.ts';
import { isValidTimezone, localDate } from '../schedule.ts';
import { resolveLevel } from '../vocab.ts';
import { literal, resolved, words } from './args.ts';
import { formatDateTime } from './config-command.ts';
import { privately, say } from './reply.ts';
import { type CommandContext, defineCommand } from './spec.ts';

/** What the terminal answers: it has one member, and a pair needs two. */
export const PAIRS_NEED_TWO =
  'Mock-interview pairs need at least two members, and the terminal has one (you). Use `/mlq pairs` in Slack or Discord.';

const zone = z
  .string()
  .regex(/^[A-Za-z_]+\/[A-Za-z0-9_+/-]+$|^UTC$/)
  .refine(isValidTimezone);

const pairsArgs = words({
  action: literal('join', 'leave', 'snooze', 'pack', 'status'),
  weeks: z.string().regex(/^(\d{1,3}|off)$/i),
  level: resolved(resolveLevel, 'level'),
  zone,
});

function nextText(ctx: CommandContext): string {
  const channel = ctx.channel!;
  if (!channel.pairsWeekday || !channel.nextPairsAt)
    return 'No pairing cycle is set yet: an organiser sets one with `/mlq config pairs mon 09:00`.';
  return `Next cycle: ${formatDateTime(channel.nextPairsAt, channel.timezone)}.`;
}

export const pairs = defineCommand({
  name: 'pairs',
  aliases: ['pair'],
  summary: 'Weekly mock-interview pairs: your status, or join, leave, snooze, your interviewer pack',
  usage: '[join [junior|mid|senior] [zone]|leave|snooze <weeks|off>|pack]',
  details:
    'Members who join are matched each cycle into pairs (a trio when the count is odd), never with the same partner while a new one ' +
    'is free, preferring close time zones and levels. Each pair gets a private space with the roles and a question for each; ' +
    'each interviewer gets a private pack. Organisers set the cycle with `/mlq config pairs mon 09:00` (add `biweekly` for every two weeks).',
  organiserOnly: false,
  needsChannel: true,
  args: pairsArgs.refine((a) => a.weeks === undefined || a.action === 'snooze', 'a number goes with `snooze`, e.g. `/mlq pairs snooze 2`'),
  options: [
    {
      name: 'action',
      description: 'What to do (default: show your status)',
      kind: 'text',
      choices: ['join', 'leave', 'snooze', 'pack'].map((value) => ({ value })),
    },
    { name: 'value', description: 'join: your level and zone; snooze: weeks (1 to 8) or off', kind: 'text', maxLength: 60 },
  ],
  async run(ctx, args) {
    const channel = ctx.channel!;
    const me = ctx.event.actor.id;
    if (!ctx.deps.ports.for(channel.id).openSpace) return say(PAIRS_NEED_TWO);
    const repo = ctx.deps.repo;
    const current = await repo.pairMember(channel.id, me);
    const today = localDate(ctx.now, channel.timezone);
    switch (args.action ?? 'status') {
      case 'join': {
        const level = args.level ?? current?.level ?? 'mid';
        const timezone = args.zone ?? current?.timezone ?? (await memberZone(ctx.deps, me, channel.id));
        await repo.savePairMember({ channelId: channel.id, memberId: me, level, timezone, active: true, snoozedUntil: null }, ctx.now);
        return say(`You are in the mock-interview pairs as ${level} (${timezone}). ${nextText(ctx)}`);
      }
      case 'leave':
        if (!current?.active) return say('You are not in the mock-interview pairs; `/mlq pairs join` opts you in.');
        await repo.savePairMember({ ...current, active: false }, ctx.now);
        return say('You left the mock-interview pairs; a pairing already made stands. `/mlq pairs join` brings you back.');
      case 'snooze': {
        if (!current?.active) return say('Join first with `/mlq pairs join`; then you can snooze.');
        if (args.weeks === undefined)
          return say(`Give a number of weeks from 1 to ${MAX_SNOOZE_WEEKS}, e.g. \`/mlq pairs snooze 2\`, or \`off\`.`);
        if (/^off$/i.test(args.weeks)) {
          await repo.savePairMember({ ...current, snoozedUntil: null }, ctx.now);
          return say(`Snooze ended: the next cycle pairs you. ${nextText(ctx)}`);
        }
        const weeks = Number(args.weeks);
        if (weeks < 1 || weeks > MAX_SNOOZE_WEEKS) return say(`You can snooze for 1 to ${MAX_SNOOZE_WEEKS} weeks.`);
        const until = snoozeUntil(today, weeks);
        await repo.savePairMember({ ...current, snoozedUntil: until }, ctx.now);
        return say(
          `Snoozed: you sit out every cycle up to ${snoozeLastDay(until)} (${channel.timezone}). \`/mlq pairs snooze off\` ends it early.`,
        );
      }
      case 'pack': {
        const group = await repo.latestPairGroup(channel.id, me);
        const pack = group ? await packFor(ctx.deps, group, me) : null;
        return pack ? privately(pack) : say('You have no interviewer pack this cycle.');
      }
      default: {
        const group = current?.active ? await repo.latestPairGroup(channel.id, me) : null;
        const partners = group?.members.filter((m) => m !== me) ?? [];
        const snoozed = current?.snoozedUntil && current.snoozedUntil > today ? current.snoozedUntil : null;
        return privately(
          pairsStatusCard({
            joined: current?.active ?? false,
            level: current?.level,
            snoozedUntil: snoozed && snoozeLastDay(snoozed),
            next: channel.pairsWeekday ? (channel.nextPairsAt ?? null) : null,
            timezone: channel.timezone,
            partners,
            names: await repo.memberNames(partners),
            cycleDate: group?.localDate ?? null,
          }),
        );
      }
    }
  },
});
