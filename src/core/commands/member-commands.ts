import { z } from 'zod';
import { leaderboardCard, type StreakView, statsCard, streakCard } from '../board-cards.ts';
import { memberCharts } from '../chart-data.ts';
import type { CoreDeps } from '../deps.ts';
import { learningBlocks } from '../grade-cards.ts';
import { memberZone } from '../member-zone.ts';
import type { AnswerStore, ChannelStore, RoundStore, ScoreStore } from '../repository.ts';
import { addDays, localDate, weekStart } from '../schedule.ts';
import { DEFAULT_SEASON, monthKey, type SeasonLength, seasonKey, seasonLabel } from '../seasons.ts';
import { MAX_AWAY_DAYS, visibleStreak } from '../streaks.ts';
import type { Channel, Period } from '../types.ts';
import { literal, mention, words } from './args.ts';
import { privately, publicly, say, withImages } from './reply.ts';
import { defineCommand, type OptionSpec } from './spec.ts';

const MEMBER: OptionSpec = { name: 'member', description: 'Another member (default: you)', kind: 'member' };

/** The streak a member sees, including whether the open round's answer is in and waiting for the reveal. */
export async function streakView(
  deps: CoreDeps<ScoreStore & RoundStore & ChannelStore & AnswerStore>,
  channel: Channel,
  memberId: string,
): Promise<StreakView> {
  const [states, latestSeq, open, name] = await Promise.all([
    deps.repo.streaks(channel.id, [memberId]),
    deps.repo.latestRevealedSeq(channel.id),
    deps.repo.latestRound(channel.id),
    deps.repo.memberName(memberId),
  ]);
  const state = states.get(memberId);
  let pending = false;
  if (open && open.status !== 'revealed') {
    pending = await deps.repo.hasCountedAnswer(open.id, memberId);
  }
  const today = localDate(deps.clock.now(), channel.timezone);
  const awayUntil = state?.awayUntil && state.awayUntil >= today ? state.awayUntil : null;
  return {
    name: name ?? memberId,
    current: visibleStreak(state, latestSeq),
    best: state?.best ?? 0,
    pending,
    freezes: state?.freezes ?? 0,
    awayUntil,
  };
}

/** The reply about a member mlq has never seen, which names no internal id. */
const UNKNOWN_MEMBER = 'That member has not taken part here yet, so there is no streak or score to show.';

export const away = defineCommand({
  name: 'away',
  summary: `Pause your streak while you are away (up to ${MAX_AWAY_DAYS} days; \`off\` to come back)`,
  usage: '<days|off>',
  organiserOnly: false,
  needsChannel: true,
  args: words({ days: z.string().regex(/^(\d{1,2}|off)$/i, 'give a number of days or off') }).refine(
    (a) => a.days !== undefined,
    'give a number of days, for example `/mlq away 5`',
  ),
  options: [{ name: 'days', description: `Days away (1 to ${MAX_AWAY_DAYS}), or off`, kind: 'text', required: true, maxLength: 3 }],
  async run(ctx, args) {
    const channel = ctx.channel!;
    if (/^off$/i.test(args.days!)) {
      await ctx.deps.repo.setAway(channel.id, ctx.event.actor.id, null);
      return say('Welcome back: your streak counts rounds again from the next one.');
    }
    const days = Number(args.days);
    if (days < 1 || days > MAX_AWAY_DAYS) return say(`You can be away for 1 to ${MAX_AWAY_DAYS} days.`);
    const until = addDays(localDate(ctx.now, channel.timezone), days - 1);
    await ctx.deps.repo.setAway(channel.id, ctx.event.actor.id, until);
    return say(
      `Away until ${until} (${channel.timezone}): rounds you miss until then do not break your streak. \`/mlq away off\` ends it early.`,
    );
  },
});

export const streak = defineCommand({
  name: 'streak',
  summary: 'Show your streak, or a member’s',
  usage: '[@member]',
  organiserOnly: false,
  needsChannel: true,
  args: words({ member: mention }),
  options: [MEMBER],
  async run(ctx, args) {
    const memberId = args.member ?? ctx.event.actor.id;
    if (args.member && !(await ctx.deps.repo.memberName(args.member))) return say(UNKNOWN_MEMBER);
    return privately(streakCard(await streakView(ctx.deps, ctx.channel!, memberId), memberId === ctx.event.actor.id));
  },
});

/** The score period and title label of a board on a channel-local date. */
export function boardPeriod(period: Period, today: string, length: SeasonLength): { key: string; label: string } {
  if (period === 'week') return { key: `w:${weekStart(today)}`, label: weekStart(today) };
  if (period === 'all') return { key: 'all', label: '' };
  const key = period === 'month' ? monthKey(today) : seasonKey(length, today);
  return { key, label: seasonLabel(key) };
}

const boardIsPublic = (args: { visibility?: 'public' }) => args.visibility !== undefined;

export const leaderboard = defineCommand({
  name: 'leaderboard',
  aliases: ['lb', 'board', 'top'],
  summary: "This week's, month's, season's or all-time leaderboard (add `public` to post it)",
  usage: '[week|month|season|all] [public]',
  without: { publicReplies: { usage: '[week|month|season|all]', summary: "This week's, month's, season's or all-time leaderboard" } },
  details: 'Months and seasons follow the channel’s time zone; a season is a quarter unless organisers set `/mlq config season month`.',
  organiserOnly: false,
  needsChannel: true,
  args: words({ period: literal('week', 'month', 'season', 'all'), visibility: literal('public') }),
  options: [
    {
      name: 'period',
      description: 'week, month, season or all',
      kind: 'text',
      choices: [{ value: 'week' }, { value: 'month' }, { value: 'season' }, { value: 'all' }],
    },
    { name: 'public', description: 'Post it for everyone', kind: 'flag' },
  ],
  publicReply: boardIsPublic,
  async run(ctx, args) {
    const channel = ctx.channel!;
    const period = args.period ?? 'week';
    const { key, label } = boardPeriod(period, localDate(ctx.now, channel.timezone), channel.seasonLength ?? DEFAULT_SEASON);
    const [rows, me] = await Promise.all([
      ctx.deps.repo.leaderboard(channel.id, key, 10),
      ctx.deps.repo.rankOf(channel.id, key, ctx.event.actor.id),
    ]);
    const board = leaderboardCard(period, rows, me, label);
    return boardIsPublic(args) ? publicly(board) : privately(board);
  },
});

export const stats = defineCommand({
  name: 'stats',
  summary: 'Your answers, points, reviews and mastery by category, or a member’s answers and points',
  usage: '[@member]',
  organiserOnly: false,
  needsChannel: true,
  args: words({ member: mention }),
  options: [MEMBER],
  async run(ctx, args) {
    const channel = ctx.channel!;
    const memberId = args.member ?? ctx.event.actor.id;
    if (args.member && !(await ctx.deps.repo.memberName(args.member))) return say(UNKNOWN_MEMBER);
    const week = weekStart(localDate(ctx.now, channel.timezone));
    const [data, view] = await Promise.all([
      ctx.deps.repo.memberStats(channel.id, memberId, week),
      streakView(ctx.deps, channel, memberId),
    ]);
    const { reactions } = ctx.deps.ports.capabilities(channel.id);
    const self = memberId === ctx.event.actor.id;
    const shown = statsCard(view.name, data, view, self, reactions);
    const who = { id: memberId, name: view.name };
    if (!self) return withImages(privately(shown), await memberCharts(ctx.deps, channel, who));
    const learning = await ctx.deps.repo.learningStats(memberId, ctx.now);
    const zone = await memberZone(ctx.deps, memberId, channel.id);
    const reply = privately({ ...shown, blocks: [...shown.blocks, ...learningBlocks(learning, zone)] });
    return withImages(reply, await memberCharts(ctx.deps, channel, who, learning));
  },
});
