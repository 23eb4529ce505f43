import type { CoreDeps } from './deps.ts';
import { change, deliver } from './mock.ts';
import { mockExpiredCard } from './mock-cards.ts';
import { MOCK_IDLE_MS, type MockSession } from './mock-rules.ts';

/**
 * The scheduler's part: idle sessions expired with a note, and messages a dead replica never sent sent now; each once.
 * A message still unsent after the idle time is given up (logged); one failing conversation never holds up the rest.
 */
export async function mockUpkeep(deps: CoreDeps, batch: number, leaseMs: number): Promise<{ expired: number; resent: number }> {
  const now = deps.clock.now();
  const idle = (s: MockSession) => now.getTime() - s.activeAt.getTime() > MOCK_IDLE_MS;
  const report = { expired: 0, resent: 0 };
  const each = async (s: MockSession, what: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      deps.logger.warn({ err: error, session: s.id }, `${what} of a mock interview failed; its lease lapses and a later pass retries it`);
    }
  };
  for (const s of await deps.repo.claimIdleMockSessions(new Date(now.getTime() - MOCK_IDLE_MS), now, batch, leaseMs)) {
    await each(s, 'the expiry', async () => {
      const { result } = await change(deps, s, (x) =>
        x.status === 'open' && idle(x) ? { session: { ...x, status: 'expired' }, result: true } : { result: false },
      );
      if (!result) return;
      report.expired++;
      if (s.conversationId) await deps.ports.for(s.conversationId).reply(s.conversationId, mockExpiredCard(), `mlq-mock-${s.id}-expired`);
    });
  }
  for (const s of await deps.repo.claimUnsentMockSessions(now, batch, leaseMs)) {
    await each(s, 'a resent step', async () => {
      if (idle(s)) {
        deps.logger.warn({ session: s.id, step: s.step }, 'a mock step could not be sent within the idle time; given up');
        await deps.repo.markMockSent(s.id, s.step);
        return;
      }
      await deliver(deps, s);
      report.resent++;
    });
  }
  return report;
}
