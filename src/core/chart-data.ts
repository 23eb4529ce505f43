import type { ChartImage, ChartMaker, ChartRequest, LabelledCount } from './charts.ts';
import type { CoreDeps } from './deps.ts';
import { card, context } from './message.ts';
import type { ActivityStore, LearningStats } from './repository.ts';
import { addDays, localDate, weekdayOf, weekStart } from './schedule.ts';
import { CATEGORY_NAMES, type Category, type Channel } from './types.ts';

/** The heatmap shows this many weeks, the current one last. */
export const HEATMAP_WEEKS = 26;
/** The points chart shows this many weeks, the current one last. */
export const POINTS_WEEKS = 12;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "23 Nov" for 2026-11-23. */
export const dayMonth = (date: string) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;

/** "Mon 23" for 2026-11-23. */
const weekdayDay = (date: string) => `${WEEKDAYS[weekdayOf(date) - 1]} ${Number(date.slice(8, 10))}`;

/** The first day of the heatmap: the Monday 25 weeks before the week of `today`, so the current week is the 26th. */
export const heatmapFrom = (today: string) => addDays(weekStart(today), -7 * (HEATMAP_WEEKS - 1));

/** The group chart of a week: answers per revealed round (in date order) and per category, most answered first. */
export function groupRequest(channelName: string, week: string, rounds: { localDate: string; category: Category; answers: number }[]) {
  const byCategory = new Map<Category, number>();
  for (const r of rounds) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.answers);
  const categories: LabelledCount[] = [...byCategory]
    .map(([category, answers]) => ({ label: CATEGORY_NAMES[category], answers }))
    .sort((a, b) => b.answers - a.answers || a.label.localeCompare(b.label));
  return {
    kind: 'group',
    channel: `#${channelName}`,
    period: `week of ${dayMonth(week)}`,
    rounds: rounds.map((r) => ({ label: weekdayDay(r.localDate), answers: r.answers })),
    categories,
  } satisfies ChartRequest;
}

/** Renders one chart; a failure is logged and gives nothing, so the message it belongs to still goes out. */
async function draw(deps: Pick<CoreDeps, 'logger'> & { charts: ChartMaker }, request: ChartRequest, name: string) {
  try {
    return { ...(await deps.charts.render(request)), name };
  } catch (error) {
    deps.logger.error({ err: error, chart: request.kind }, 'a chart could not be drawn; the message goes without it');
    return null;
  }
}

/**
 * A member's charts for `/mlq stats`, on the channel's local dates: the activity heatmap, mastery per category (when
 * `learning` is given and has any), and weekly points against the group's median. Empty without a chart maker.
 */
export async function memberCharts(
  deps: CoreDeps<ActivityStore>,
  channel: Channel,
  member: { id: string; name: string },
  learning?: LearningStats,
): Promise<ChartImage[]> {
  const charts = deps.charts;
  if (!charts) return [];
  const today = localDate(deps.clock.now(), channel.timezone);
  const weeks = Array.from({ length: POINTS_WEEKS }, (_, i) => addDays(weekStart(today), -7 * (POINTS_WEEKS - 1 - i)));
  const [counts, points] = await Promise.all([
    deps.repo.answersPerDay(channel.id, member.id, channel.timezone, heatmapFrom(today), today),
    deps.repo.weeklyPoints(channel.id, member.id, weeks),
  ]);
  const requests: [ChartRequest, string][] = [[{ kind: 'heatmap', who: member.name, today, counts }, `mlq-activity-${today}.png`]];
  if (learning?.byCategory.length) {
    const categories = learning.byCategory.map((m) => ({ label: CATEGORY_NAMES[m.category], percent: m.mastery * 100 }));
    requests.push([{ kind: 'mastery', who: member.name, categories }, `mlq-mastery-${today}.png`]);
  }
  const labels = points.map((p) => dayMonth(p.week));
  const series = { member: points.map((p) => p.member), median: points.map((p) => p.median) };
  requests.push([{ kind: 'points', who: member.name, labels, ...series }, `mlq-points-${today}.png`]);
  const images: ChartImage[] = [];
  for (const [request, name] of requests) {
    const image = await draw({ logger: deps.logger, charts }, request, name);
    if (image) images.push(image);
  }
  return images;
}

/** The digest's group chart of a week, or null without a chart maker, without answers, or when drawing failed. */
export async function groupChart(deps: CoreDeps<ActivityStore>, channel: Channel, week: string): Promise<ChartImage | null> {
  if (!deps.charts) return null;
  const rounds = await deps.repo.answersPerRound(channel.id, week, addDays(week, 6));
  if (!rounds.some((r) => r.answers > 0)) return null;
  return draw({ logger: deps.logger, charts: deps.charts }, groupRequest(channel.name, week, rounds), `mlq-digest-${week}.png`);
}

/**
 * Attaches the week's group chart in the digest's thread: the image where the platform can post images, its alt text
 * otherwise. A failure is logged, never thrown: the digest is out already.
 */
export async function attachDigestChart(deps: CoreDeps, channel: Channel, week: string, threadId: string): Promise<void> {
  try {
    const image = await groupChart(deps, channel, week);
    if (!image) return;
    const port = deps.ports.for(channel.id);
    if (port.postImages) await port.postImages(threadId, [image]);
    else await port.reply(threadId, card(undefined, [context(image.alt)]));
  } catch (error) {
    deps.logger.error({ err: error, channel: channel.id }, 'the digest chart could not be attached; the digest went without it');
  }
}
