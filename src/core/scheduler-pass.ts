import pLimit from 'p-limit';
import { attachDigestChart } from './chart-data.ts';
import { type CoreDeps, stopwatch } from './deps.ts';
import { digestCard } from './digest.ts';
import { mockUpkeep } from './mock-upkeep.ts';
import { asBulk } from './pacer.ts';
import { runPairsWork } from './pairs-cycle.ts';
import type { PickCandidate } from './picker.ts';
import { ChannelUnavailableError } from './port.ts';
import type { ChannelRelease, DigestRow } from './repository.ts';
import { sendReminders } from './review-queue.ts';
import { dueRound, finishReveal, LEASE_MS, pauseUnavailable, postRound, type QuestionCache, startRound } from './rounds.ts';
import { addDays, localDate, nextDigestAt, nextPlannedRound, weekStart } from './schedule.ts';
import { runSeasons } from './season-results.ts';
import type { Channel } from './types.ts';

/** A digest overdue by more than this is skipped rather than sent late. */
export const DIGEST_GRACE_MS = 24 * 60 * 60_000;

export interface PassOptions {
  batch?: number;
  concurrency?: number;
  leaseMs?: number;
  /** How long one pass keeps claiming further batches of due posts before leaving the rest to the next pass. */
  budgetMs?: number;
  /** True once the service is stopping: the pass claims nothing more and gives back claimed work it has not started. */
  stopping?: () => boolean;
}

export interface PassReport {
  posted: number;
  recovered: number;
  revealed: number;
  digests: number;
  /** Review reminders sent (members with cards due who are not away). */
  reminders: number;
  /** Pairing cycles made, and pairs or trios whose shared space was posted. */
  pairCycles?: number;
  pairPosts?: number;
  /** Season results posted. */
  seasons: number;
  failed: number;
  /** Claimed work given back unstarted because the service is stopping (absent when none). */
  released?: number;
}

/**
 * One scheduler pass, the same on every replica: claims due posts, lapsed posts, due reveals and digests from the
 * store (SKIP LOCKED and leases, so each is done once across replicas) and runs them concurrently with a bound, so
 * one slow or rate-limited channel never holds up the rest. Its requests are bulk work: members' interactions go first.
 */
export async function schedulerPass(deps: CoreDeps, options: PassOptions = {}): Promise<PassReport> {
  const watch = stopwatch(deps);
  const lag = new Lag(deps.clock.now());
  try {
    return await asBulk(() => runPass(deps, options, watch, lag));
  } finally {
    deps.metrics?.schedulerPass(watch.elapsed() / 1000, lag.seconds());
  }
}

/**
 * How far behind its due work a pass started: the pass's start time minus the earliest due time (post, reveal or
 * digest) among the work it found due; 0 when nothing was due. Retries after a failure are left out (their delay is
 * a deliberate backoff, and the failure is counted as a platform error).
 */
class Lag {
  private earliest: number | null = null;
  constructor(private readonly start: Date) {}

  due(at: Date | null | undefined): void {
    if (at && (this.earliest === null || at.getTime() < this.earliest)) this.earliest = at.getTime();
  }

  seconds(): number {
    return this.earliest === null ? 0 : Math.max(0, this.start.getTime() - this.earliest) / 1000;
  }
}

async function runPass(deps: CoreDeps, options: PassOptions, watch: { elapsed(): number }, lag: Lag): Promise<PassReport> {
  const { batch = 500, concurrency = 16, leaseMs = LEASE_MS, budgetMs = 45_000, stopping = () => false } = options;
  let cached: Promise<PickCandidate[]> | null = null;
  const candidates = () => (cached ??= deps.repo.questionCandidates());
  const questions: QuestionCache = new Map();
  const limit = pLimit(concurrency);
  const report: PassReport = { posted: 0, recovered: 0, revealed: 0, digests: 0, reminders: 0, seasons: 0, failed: 0 };
  const now = deps.clock.now();
  const guard = (what: string, work: () => Promise<void>) =>
    limit(() =>
      work().catch((error: unknown) => {
        report.failed++;
        deps.logger.error({ err: error }, `${what} failed; its lease lapses and another pass retries it`);
      }),
    );
  /** When the service is stopping, gives claimed work back unstarted (for another replica at once) and says so. */
  const gaveBack = async (release: () => unknown): Promise<boolean> => {
    if (!stopping()) return false;
    await release();
    report.released = (report.released ?? 0) + 1;
    return true;
  };

  const postDue = (channel: Channel, released: ChannelRelease[]) =>
    guard('posting a round', async () => {
      if (await gaveBack(() => released.push({ id: channel.id, nextPostAt: channel.nextPostAt }))) return;
      const { planned, date } = dueRound(channel, now);
      const next = nextPlannedRound(channel, now, addDays(date, 1));
      const outcome = planned ? await startRound(deps, channel, planned, candidates, questions) : null;
      released.push({ id: channel.id, nextPostAt: next?.postAt ?? null });
      if (outcome?.round && outcome.created) {
        if (outcome.posted) report.posted++;
        else report.failed++;
      }
    });
  // Claims no more than this pass can post within half the lease, at the pace the platforms allow it (measured on
  // the batch before), so claimed channels never wait in the pacers until their lease lapses and another replica
  // claims them too; the first claim is a few rounds of the fan-out (at least 64).
  let claim = Math.min(batch, Math.max(64, concurrency * 4));
  let since = 0;
  while (!stopping()) {
    const channels = await deps.repo.claimDueChannels(now, claim, leaseMs);
    for (const channel of channels) lag.due(channel.nextPostAt);
    const released: ChannelRelease[] = [];
    await Promise.all(channels.map((channel) => postDue(channel, released)));
    await deps.repo.releaseChannels(released);
    if (channels.length < claim) break;
    const elapsed = watch.elapsed();
    if (elapsed > budgetMs || stopping()) break;
    claim = claimSize(channels.length, elapsed - since, leaseMs, concurrency, batch);
    since = elapsed;
  }
  if (stopping()) return report;
  const stale = await deps.repo.claimStalePosts(now, batch, leaseMs);
  const tasks: Promise<void>[] = [
    ...stale.map((round) =>
      guard('re-posting a round', async () => {
        if (await gaveBack(() => deps.repo.retryLater('rounds', round.id, now))) return;
        const channel = await deps.repo.getChannel(round.channelId);
        if (!channel || round.revealAt <= now) {
          await deps.repo.skipStaleRound(round.id);
          deps.logger.warn({ round: round.id }, 'a round whose post never completed is past its reveal; skipped');
          return;
        }
        const result = await postRound(deps, channel, round);
        if (result === 'recovered') report.recovered++;
        if (result === 'posted') report.posted++;
      }),
    ),
  ];
  await Promise.all(tasks);

  if (stopping()) return report;
  const reveals = await deps.repo.claimReveals(deps.clock.now(), batch, leaseMs);
  for (const round of reveals) if ((round.attempts ?? 1) <= 1) lag.due(round.revealAt);
  await Promise.all(
    reveals.map((round) =>
      guard('revealing a round', async () => {
        if (await gaveBack(() => deps.repo.retryLater('rounds', round.id, now))) return;
        try {
          await finishReveal(deps, round);
          report.revealed++;
        } catch (error) {
          if (!(error instanceof ChannelUnavailableError)) throw error;
          await deps.repo.markRevealed(round.id, deps.clock.now());
          await pauseUnavailable(deps, round.channelId, error.reason);
        }
      }),
    ),
  );

  if (stopping()) return report;
  const digestChannels = await deps.repo.dueDigestChannels(deps.clock.now(), batch);
  for (const channel of digestChannels) lag.due(channel.nextDigestAt);
  const staleDigests = await deps.repo.claimStaleDigests(deps.clock.now(), batch, leaseMs);
  await Promise.all([
    ...digestChannels.map((channel) =>
      guard('sending a digest', async () => {
        if (stopping()) return;
        const due = channel.nextDigestAt!;
        const late = now.getTime() - due.getTime() > DIGEST_GRACE_MS;
        const week = weekStart(localDate(due, channel.timezone));
        const row = await deps.repo.createDigest(channel.id, week, due, now, leaseMs, late);
        await deps.repo.setNextDigest(channel.id, nextDigestAt(channel, new Date(Math.max(now.getTime(), due.getTime()))));
        if (row && (await sendDigest(deps, channel, row))) report.digests++;
      }),
    ),
    ...staleDigests.map((row) =>
      guard('re-sending a digest', async () => {
        if (await gaveBack(() => deps.repo.retryLater('digests', row.id, now))) return;
        const channel = await deps.repo.getChannel(row.channelId);
        if (!channel || now.getTime() - row.dueAt.getTime() > DIGEST_GRACE_MS) return deps.repo.finishDigest(row.id, 'skipped', null);
        if (await sendDigest(deps, channel, row)) report.digests++;
      }),
    ),
  ]);
  if (stopping()) return report;
  report.seasons = await runSeasons(deps, now, batch, leaseMs, guard);
  await guard('sending review reminders', async () => {
    report.reminders += await sendReminders(deps, batch, leaseMs, concurrency);
  });
  try {
    const pairs = await runPairsWork(deps, now, batch, leaseMs, guard);
    if (pairs.cycles || pairs.posts) Object.assign(report, { pairCycles: pairs.cycles, pairPosts: pairs.posts });
  } catch (error) {
    report.failed++;
    deps.logger.error({ err: error }, 'claiming pairs work failed; the next pass retries it');
  }
  await guard('mock interview upkeep', async () => void (await mockUpkeep(deps, batch, leaseMs)));
  return report;
}

/** How many channels to claim next: those the last batch's pace posts in half the lease, between `concurrency` and `batch`. */
export function claimSize(posted: number, elapsedMs: number, leaseMs: number, concurrency: number, batch: number): number {
  const fits = Math.floor((posted * leaseMs) / 2 / Math.max(1, elapsedMs));
  return Math.max(Math.min(concurrency, batch), Math.min(batch, fits));
}

async function sendDigest(deps: CoreDeps, channel: Channel, row: DigestRow): Promise<boolean> {
  const port = deps.ports.for(channel.id);
  const key = `mlq-digest-${row.id}`;
  const found = row.attempts > 1 && port.findPosted ? await port.findPosted(channel.id, key, row.dueAt) : null;
  if (found) {
    await deps.repo.finishDigest(row.id, 'sent', found.messageId);
    return false;
  }
  const data = await deps.repo.digestData(channel.id, row.week, channel.categories);
  const posted = await port.post(channel.id, digestCard(data, channel, row.week), key);
  await deps.repo.finishDigest(row.id, 'sent', posted.messageId);
  if (data.answers > 0) await attachDigestChart(deps, channel, row.week, posted.threadId);
  return true;
}
