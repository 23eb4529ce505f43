import type { MockSession, MockState } from '../mock-rules.ts';

export interface NewMockSession {
  memberId: string;
  communityId: string;
  channelId: string;
  questionId: string;
  state: MockState;
  at: Date;
}

/** Mock interview sessions and members' budgets; writes are compare-and-set on the session's version. */
export interface MockStore {
  /** A new open session, or null when the member has one open already (one per member). */
  createMockSession(input: NewMockSession): Promise<MockSession | null>;
  mockSession(id: number): Promise<MockSession | null>;
  openMockSession(memberId: string): Promise<MockSession | null>;
  /** The latest open or finished session running in a conversation. */
  mockSessionIn(conversationId: string): Promise<MockSession | null>;
  /**
   * Writes a session's status, step, state, activity and conversation if its version is still `session.version`,
   * leasing it until `leaseUntil` when given (its next message is being sent); null when another write got there first.
   */
  saveMockSession(session: MockSession, leaseUntil?: Date): Promise<MockSession | null>;
  /** Records that the message of `step` was sent, ending the lease. */
  markMockSent(id: number, step: number): Promise<void>;
  /** Leases open sessions idle since before `before` (SKIP LOCKED), for one replica to expire. */
  claimIdleMockSessions(before: Date, now: Date, limit: number, leaseMs: number): Promise<MockSession[]>;
  /** Leases sessions whose latest message was never sent (a replica died while sending), for one replica to send. */
  claimUnsentMockSessions(now: Date, limit: number, leaseMs: number): Promise<MockSession[]>;
  mockBudget(memberId: string): Promise<number | null>;
  setMockBudget(memberId: string, minutes: number | null): Promise<void>;
}
