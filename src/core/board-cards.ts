import { stripMarkdown } from './markdown.ts';
import { type Card, card, context, fields, list, text } from './message.ts';
import type { MemberStats } from './repository.ts';
import { MAX_FREEZES, ROUNDS_PER_FREEZE } from './streaks.ts';
import { CATEGORY_NAMES, type LeaderboardRow, type Period } from './types.ts';

/** The first three ranks as medals, the rest as numbers. */
const medal = (rank: number): string => (rank === 1 ? '🥇' : rank === 2 ? '🥈' : rank === 3 ? '🥉' : `${rank}.`);

/** One leaderboard line, as the board and the weekly digest show it. */
export const boardLine = (row: LeaderboardRow): string => `${medal(row.rank)} **${row.name}** · ${row.points} pts`;

/** A board's title: the week's Monday, the month or season's name (`label`), or all time. */
function boardTitle(period: Period, label: string): string {
  if (period === 'week') return `Leaderboard · week of ${label}`;
  if (period === 'month') return `Leaderboard · ${label}`;
  if (period === 'season') return `Leaderboard · season ${label}`;
  return 'Leaderboard · all time';
}

const EMPTY: Record<Period, string> = {
  week: "No points yet this week. Answer today's question to open the board.",
  month: "No points yet this month. Answer today's question to open the board.",
  season: "No points yet this season. Answer today's question to open the board.",
  all: 'No points yet. Answer a question to open the board.',
};

/** A board; `label` is the week's Monday for a weekly board, the month's or season's name for those. */
export function leaderboardCard(period: Period, rows: LeaderboardRow[], me: LeaderboardRow | null, label: string): Card {
  const title = boardTitle(period, label);
  if (rows.length === 0) return card(title, [text(EMPTY[period])]);
  const lines = rows.map(boardLine);
  const blocks = [list(lines)];
  if (me && !rows.some((r) => r.memberId === me.memberId)) blocks.push(context(`You: rank ${me.rank} with ${me.points} pts.`));
  return card(
    title,
    blocks,
    `${title}: ${rows
      .slice(0, 3)
      .map((r) => `${r.rank}. ${r.name} ${r.points}`)
      .join(', ')}`,
  );
}

export interface StreakView {
  name: string;
  current: number;
  best: number;
  pending: boolean;
  freezes: number;
  awayUntil: string | null;
}

export function streakCard(view: StreakView, self: boolean): Card {
  const who = self ? 'Your' : `${view.name}'s`;
  const lines = [`${who} streak: **${view.current}** ${view.current === 1 ? 'round' : 'rounds'} in a row · best ${view.best}.`];
  if (view.pending) lines.push(`Today's answer is in: it adds 1 when the round is revealed.`);
  else if (view.current === 0) lines.push(self ? 'Answer the next question in its thread to start one.' : '');
  lines.push(
    `Freezes: ${view.freezes} of ${MAX_FREEZES} (one is earned every ${ROUNDS_PER_FREEZE} rounds in a row and covers a missed round).`,
  );
  if (view.awayUntil) lines.push(`Away until ${view.awayUntil}: missed rounds do not break the streak.`);
  return card(undefined, [text(lines.filter(Boolean).join(' '))], stripMarkdown(lines[0]!));
}

/** A member's stats; peer votes are left out where members cannot react. */
export function statsCard(name: string, stats: MemberStats, streak: StreakView, self: boolean, reactions = true): Card {
  const top = [...stats.byCategory].sort((a, b) => b.answers - a.answers);
  return card(self ? 'Your stats' : `Stats for ${name}`, [
    fields([
      { label: 'Answers', value: String(stats.answers) },
      { label: 'Points (all time)', value: String(stats.points) },
      { label: 'Points this week', value: String(stats.weekPoints) },
      { label: 'Streak', value: `${streak.current} (best ${streak.best})` },
      { label: 'Probe replies', value: String(stats.probeReplies) },
      ...(reactions ? [{ label: 'Peer votes received', value: String(stats.votesReceived) }] : []),
    ]),
    ...(top.length
      ? [
          list(
            top.map((c) => `${CATEGORY_NAMES[c.category]}: ${c.answers}`),
            '**Answers by category**',
          ),
        ]
      : []),
  ]);
}
