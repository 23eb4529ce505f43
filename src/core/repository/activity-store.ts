/** Activity over time, read for charts. */
export interface ActivityStore {
  /**
   * Answers per local date in `zone` (an IANA name) from `from` to `to` (ISO dates, both included), withdrawn answers
   * left out: a member's in a channel, or the whole channel's when `memberId` is null. Days without answers are absent.
   */
  answersPerDay(channelId: string, memberId: string | null, zone: string, from: string, to: string): Promise<Record<string, number>>;
}
