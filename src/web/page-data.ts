import { heatmapRange } from '../charts/heatmap.ts';
import type { StreakView } from '../core/board-cards.ts';
import { boardPeriod, streakView } from '../core/commands/member-commands.ts';
import type { CoreDeps } from '../core/deps.ts';
import type { ArchivePage, MemberStats } from '../core/repository.ts';
import type { Mastery } from '../core/review-rules.ts';
import { localDate, weekStart } from '../core/schedule.ts';
import { DEFAULT_SEASON } from '../core/seasons.ts';
import type { Category, Channel, LeaderboardRow } from '../core/types.ts';
import { TtlCache } from './ttl-cache.ts';

/** Rows on each board of the page. */
export const BOARD_SIZE = 10;
/** Archive results on one page. */
export const ARCHIVE_WEB_PAGE = 10;

export interface Board {
  period: 'week' | 'month' | 'all';
  label: string;
  rows: LeaderboardRow[];
}

/** What the archive form asked for: words, a category, and a cursor of the page. */
export interface WebSearch {
  q: string;
  category?: Category;
  cursor?: string;
}

export interface Heat {
  today: string;
  counts: Record<string, number>;
}

export interface GroupView {
  channel: Channel;
  boards: Board[];
  /** Members on the boards who chose to hide their name: shown as “a member”, without a link. */
  hidden: Set<string>;
  heat: Heat;
  archive: ArchivePage;
  search: WebSearch;
}

export interface MemberView {
  channel: Channel;
  memberId: string;
  name: string;
  stats: MemberStats;
  streak: StreakView;
  heat: Heat;
  /** Mastery by category, for the member's own eyes only (null on anyone else's view). */
  mastery: Mastery[] | null;
}

/** How long the group heatmap is reused: a new answer shows on it within a minute. */
export const GROUP_HEAT_TTL_MS = 60_000;

/** The group heatmaps of recent requests, per channel, zone and local date. */
export type HeatCache = TtlCache<Record<string, number>>;

export const heatCache = (): HeatCache => new TtlCache(GROUP_HEAT_TTL_MS);

async function heat(deps: CoreDeps, channel: Channel, memberId: string | null, cache?: HeatCache): Promise<Heat> {
  const now = deps.clock.now();
  const today = localDate(now, channel.timezone);
  const { from, to } = heatmapRange(today);
  const read = () => deps.repo.answersPerDay(channel.id, memberId, channel.timezone, from, to);
  const counts =
    memberId === null && cache
      ? await cache.get(`${channel.id}\u0000${channel.timezone}\u0000${today}`, now.getTime(), read)
      : await read();
  return { today, counts };
}

/** Everything the group page shows: three boards, the group heatmap, and one page of the archive. */
export async function groupView(deps: CoreDeps, channel: Channel, search: WebSearch, cache?: HeatCache): Promise<GroupView> {
  const today = localDate(deps.clock.now(), channel.timezone);
  const periods = ['week', 'month', 'all'] as const;
  const boards = Promise.all(
    periods.map(async (period): Promise<Board> => {
      const { key, label } = boardPeriod(period, today, channel.seasonLength ?? DEFAULT_SEASON);
      return { period, label, rows: await deps.repo.leaderboard(channel.id, key, BOARD_SIZE) };
    }),
  );
  const words = search.q.split(/\s+/).filter(Boolean);
  const query = { channelId: channel.id, words, category: search.category, pageSize: ARCHIVE_WEB_PAGE, cursor: search.cursor };
  const [shown, activity, archive] = await Promise.all([boards, heat(deps, channel, null, cache), deps.repo.searchArchive(query)]);
  const hidden = await deps.repo.hiddenMembers([...new Set(shown.flatMap((b) => b.rows.map((r) => r.memberId)))]);
  return { channel, boards: shown, hidden, heat: activity, archive, search };
}

/** A member's page: answers, points and streak; their mastery only when they are the one looking. */
export async function memberView(deps: CoreDeps, channel: Channel, memberId: string, self: boolean): Promise<MemberView> {
  const week = weekStart(localDate(deps.clock.now(), channel.timezone));
  const [stats, streak, activity, learning] = await Promise.all([
    deps.repo.memberStats(channel.id, memberId, week),
    streakView(deps, channel, memberId),
    heat(deps, channel, memberId),
    self ? deps.repo.learningStats(memberId, deps.clock.now()) : null,
  ]);
  const mastery = learning?.byCategory ?? null;
  return { channel, memberId, name: streak.name, stats, streak, heat: activity, mastery };
}
