import { boardLine } from './board-cards.ts';
import type { CoreDeps } from './deps.ts';
import { type Card, card, context, list, text } from './message.ts';
import type { ChampionRoleResult } from './port.ts';
import type { SeasonData, SeasonResultRow } from './repository.ts';
import { DEFAULT_SEASON, SEASON_GRACE_MS, seasonEnd, seasonEndingAt, seasonLabel } from './seasons.ts';
import type { Channel } from './types.ts';

/** Members a results post names. */
export const SEASON_TOP = 3;

/** The sentence a results post adds about the champion role, by what the platform said. */
const ROLE_NOTES: Record<ChampionRoleResult, string> = {
  done: 'The champion role has moved to this season’s champion.',
  'no-permission': 'The champion role was not given: mlq needs the Manage Roles permission (and a role above the champion role).',
  'no-role': 'The champion role was not given: the configured role no longer exists (`/mlq config champion-role off` to stop).',
};

/** The short post at a season's end: the top members, the number of answers and the champion. */
export function seasonResultsCard(season: string, data: SeasonData, role: ChampionRoleResult | null): Card {
  const label = seasonLabel(season);
  const title = `Season results · ${label}`;
  const answers = `${data.answers} ${data.answers === 1 ? 'answer' : 'answers'} this season.`;
  if (data.top.length === 0) return card(title, [text(`No points this season. ${answers} A fresh board starts now.`)]);
  const champions = data.top.filter((row) => row.rank === 1).map((row) => `**${row.name}**`);
  const blocks = [
    text(`🏆 Champion: ${champions.join(' and ')} with ${data.top[0]!.points} pts. ${answers} A fresh board starts now.`),
    list(data.top.map(boardLine)),
  ];
  if (role) blocks.push(context(ROLE_NOTES[role]));
  return card(title, blocks, `${title}: champion ${champions.join(' and ').replace(/\*\*/g, '')}, ${answers}`);
}

type Guard = (what: string, work: () => Promise<void>) => Promise<void>;

/**
 * Season boundaries, done by every replica's pass: a channel whose season ended gets one results post (the
 * `season_results` row is the claim, its lease lets another pass finish a post a dead replica started). A channel
 * seen for the first time only learns when its season ends. Returns the number of posts made.
 */
export async function runSeasons(deps: CoreDeps, now: Date, batch: number, leaseMs: number, guard: Guard): Promise<number> {
  let posted = 0;
  const due = await deps.repo.dueSeasonChannels(now, batch);
  const stale = await deps.repo.claimStaleSeasonResults(now, batch, leaseMs);
  await Promise.all([
    ...due.map(({ channel, nextSeasonAt }) =>
      guard('posting season results', async () => {
        const length = channel.seasonLength ?? DEFAULT_SEASON;
        if (!nextSeasonAt) return deps.repo.setNextSeason(channel.id, seasonEnd(length, now, channel.timezone));
        const late = now.getTime() - nextSeasonAt.getTime() > SEASON_GRACE_MS;
        const season = seasonEndingAt(length, nextSeasonAt, channel.timezone);
        const row = await deps.repo.createSeasonResult(channel.id, season, nextSeasonAt, now, leaseMs, late);
        await deps.repo.setNextSeason(channel.id, seasonEnd(length, now, channel.timezone));
        if (row && (await sendSeasonResults(deps, channel, row))) posted++;
      }),
    ),
    ...stale.map((row) =>
      guard('re-posting season results', async () => {
        const channel = await deps.repo.getChannel(row.channelId);
        if (!channel || now.getTime() - row.dueAt.getTime() > SEASON_GRACE_MS) {
          return deps.repo.finishSeasonResult(row.id, 'skipped', null, []);
        }
        if (await sendSeasonResults(deps, channel, row)) posted++;
      }),
    ),
  ]);
  return posted;
}

async function sendSeasonResults(deps: CoreDeps, channel: Channel, row: SeasonResultRow): Promise<boolean> {
  const port = deps.ports.for(channel.id);
  const key = `mlq-season-${row.id}`;
  const data = await deps.repo.seasonData(channel.id, row.season, SEASON_TOP);
  const champions = data.top.filter((r) => r.rank === 1).map((r) => r.memberId);
  const found = row.attempts > 1 && port.findPosted ? await port.findPosted(channel.id, key, row.dueAt) : null;
  if (found) {
    await deps.repo.finishSeasonResult(row.id, 'sent', found.messageId, champions);
    return false;
  }
  let role: ChampionRoleResult | null = null;
  if (channel.championRoleId && port.setChampionRole && champions.length) {
    role = await port.setChampionRole(channel.id, channel.championRoleId, champions, data.previousChampions);
  }
  const posted = await port.post(channel.id, seasonResultsCard(row.season, data, role), key);
  await deps.repo.finishSeasonResult(row.id, 'sent', posted.messageId, champions);
  return true;
}
