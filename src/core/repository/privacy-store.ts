import type { Member } from '../types.ts';

/** What an erasure removed, by table, for the reply and the log (rows deleted or cleaned of the member). */
export type ErasureReport = Record<string, number>;

/** A member's privacy: hiding their name from others, and erasing everything mlq holds about them. */
export interface PrivacyStore {
  /** Hides (or shows again) a member's name on boards, digests and archive results in their community. */
  setHidden(member: Member, communityId: string, hidden: boolean): Promise<void>;
  isHidden(memberId: string): Promise<boolean>;
  /** Erases a member's answers, grades, reviews, points and name in every channel of their community, in one transaction. */
  eraseMember(memberId: string): Promise<ErasureReport>;
}
