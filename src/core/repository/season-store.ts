import type { Channel, LeaderboardRow } from '../types.ts';

/** A channel whose season boundary is due (or not yet set: null), as the scheduler claims it. */
export interface SeasonDue {
  channel: Channel;
  nextSeasonAt: Date | null;
}

/** One season's results post: the claim (one per channel and season, leased like digests). */
export interface SeasonResultRow {
  id: number;
  channelId: string;
  season: string;
  dueAt: Date;
  attempts: number;
}

/** What a season's results post reports. */
export interface SeasonData {
  top: LeaderboardRow[];
  /** Answers counted in the season's revealed rounds. */
  answers: number;
  /** The champions named by the channel's previous results post, who lose the champion role. */
  previousChampions: string[];
}

/** Seasons: when each channel's ends, the once-only results post, and its figures. */
export interface SeasonStore {
  dueSeasonChannels(now: Date, limit: number): Promise<SeasonDue[]>;
  setNextSeason(channelId: string, at: Date): Promise<void>;
  /** Creates the season's results row once per channel (the claim); null when another pass has it or it is skipped. */
  createSeasonResult(
    channelId: string,
    season: string,
    dueAt: Date,
    now: Date,
    leaseMs: number,
    skipped?: boolean,
  ): Promise<SeasonResultRow | null>;
  claimStaleSeasonResults(now: Date, limit: number, leaseMs: number): Promise<SeasonResultRow[]>;
  finishSeasonResult(id: number, status: 'sent' | 'skipped', messageId: string | null, championIds: string[]): Promise<void>;
  seasonData(channelId: string, season: string, limit: number): Promise<SeasonData>;
}
