import { type Kysely, type Selectable, sql } from 'kysely';
import type { MockSession, MockState } from '../core/mock-rules.ts';
import type { NewMockSession } from '../core/repository/mock-store.ts';
import { later } from './claims-repo.ts';
import type { Database, MockSessionsTable } from './schema.ts';

const toSession = (r: Selectable<MockSessionsTable>): MockSession => ({
  id: r.id,
  memberId: r.member_id,
  communityId: r.community_id,
  channelId: r.channel_id,
  conversationId: r.conversation_id,
  questionId: r.question_id,
  status: r.status,
  step: r.step,
  sentStep: r.sent_step,
  version: r.version,
  startedAt: r.started_at,
  activeAt: r.active_at,
  state: (typeof r.state === 'string' ? JSON.parse(r.state) : r.state) as MockState,
});

/** Mock interview sessions: one open per member (a partial unique index), every change compare-and-set on its version. */
export function mockRepo(db: Kysely<Database>) {
  return {
    async createMockSession(input: NewMockSession): Promise<MockSession | null> {
      const row = await db
        .insertInto('mock_sessions')
        .values({
          member_id: input.memberId,
          community_id: input.communityId,
          channel_id: input.channelId,
          conversation_id: '',
          question_id: input.questionId,
          status: 'open',
          step: 0,
          sent_step: -1,
          state: JSON.stringify(input.state),
          version: 1,
          started_at: input.at,
          active_at: input.at,
        })
        .onConflict((oc) => oc.column('member_id').where('status', '=', 'open').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },

    async mockSession(id: number): Promise<MockSession | null> {
      const row = await db.selectFrom('mock_sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSession(row) : null;
    },

    async openMockSession(memberId: string): Promise<MockSession | null> {
      const row = await db
        .selectFrom('mock_sessions')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },

    async mockSessionIn(conversationId: string): Promise<MockSession | null> {
      const row = await db
        .selectFrom('mock_sessions')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('status', 'in', ['open', 'finished'])
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },

    async saveMockSession(session: MockSession, leaseUntil?: Date): Promise<MockSession | null> {
      const row = await db
        .updateTable('mock_sessions')
        .set({
          status: session.status,
          step: session.step,
          state: JSON.stringify(session.state),
          active_at: session.activeAt,
          conversation_id: session.conversationId,
          ...(leaseUntil ? { lease_until: leaseUntil } : {}),
          version: session.version + 1,
        })
        .where('id', '=', session.id)
        .where('version', '=', session.version)
        .returningAll()
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },

    async markMockSent(id: number, step: number): Promise<void> {
      await db
        .updateTable('mock_sessions')
        .set({ sent_step: sql<number>`greatest(sent_step, ${step}::int)`, lease_until: null })
        .where('id', '=', id)
        .execute();
    },

    async claimIdleMockSessions(before: Date, now: Date, limit: number, leaseMs: number): Promise<MockSession[]> {
      const rows = await db
        .updateTable('mock_sessions')
        .set({ lease_until: later(now, leaseMs) })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('mock_sessions')
            .select('id')
            .where('status', '=', 'open')
            .where('active_at', '<', before)
            .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]))
            .orderBy('active_at')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map(toSession);
    },

    async claimUnsentMockSessions(now: Date, limit: number, leaseMs: number): Promise<MockSession[]> {
      const rows = await db
        .updateTable('mock_sessions')
        .set({ lease_until: later(now, leaseMs) })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('mock_sessions')
            .select('id')
            .where(sql<boolean>`sent_step < step`)
            .where('status', 'in', ['open', 'finished'])
            .where('conversation_id', '<>', '')
            .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]))
            .orderBy('id')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map(toSession);
    },

    async mockBudget(memberId: string): Promise<number | null> {
      const row = await db.selectFrom('mock_budgets').select('minutes').where('member_id', '=', memberId).executeTakeFirst();
      return row?.minutes ?? null;
    },

    async setMockBudget(memberId: string, minutes: number | null): Promise<void> {
      if (minutes === null) {
        await db.deleteFrom('mock_budgets').where('member_id', '=', memberId).execute();
        return;
      }
      await db
        .insertInto('mock_budgets')
        .values({ member_id: memberId, minutes })
        .onConflict((oc) => oc.column('member_id').doUpdateSet({ minutes }))
        .execute();
    },
  };
}
