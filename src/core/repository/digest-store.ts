import type { Category, Channel, LeaderboardRow } from '../types.ts';
import type { LeastTicked } from './review-store.ts';

export interface DigestRow {
  id: number;
  channelId: string;
  week: string;
  dueAt: Date;
  attempts: number;
}

/** What the weekly digest reports; gathered by the store in a few set-based queries. */
export interface DigestData {
  top: LeaderboardRow[];
  streaks: { name: string; current: number }[];
  rounds: number;
  answers: number;
  mostDiscussed: { prompt: string; replies: number } | null;
  leastAnswered: { category: Category; answers: number } | null;
  /** The key point the group ticked least this week when grading themselves, with its question. */
  leastTicked?: LeastTicked | null;
}

/** Weekly digests: when each channel's is due, its claim, and its figures. */
export interface DigestStore {
  dueDigestChannels(now: Date, limit: number): Promise<Channel[]>;
  setNextDigest(channelId: string, at: Date | null): Promise<void>;
  /** Creates the week's digest once per channel (the claim); null when another pass has it or it is skipped. */
  createDigest(channelId: string, week: string, dueAt: Date, now: Date, leaseMs: number, skipped?: boolean): Promise<DigestRow | null>;
  claimStaleDigests(now: Date, limit: number, leaseMs: number): Promise<DigestRow[]>;
  finishDigest(id: number, status: 'sent' | 'skipped', messageId: string | null): Promise<void>;
  digestData(channelId: string, week: string, categories: Category[]): Promise<DigestData>;
}
