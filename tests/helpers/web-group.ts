import { weekStart } from '../../src/core/schedule.ts';
import type { Member } from '../../src/core/types.ts';
import { startHttpServer } from '../../src/http-server.ts';
import { webLinks } from '../../src/web/links.ts';
import { webRoutes } from '../../src/web/routes.ts';
import { addArchiveQuestions, addDailyRounds } from './archive-rounds.ts';
import { addChannel } from './channels.ts';
import { createHarness, type Harness } from './harness.ts';

export const WEB_SECRET = 'test-web-secret-0123456789abcdef-0123';
export const GROUP = 'test:C:web';
/** Thursday 26 November 2026, 12:00 in Tokyo (the group's zone): the week began on Monday the 23rd. */
export const NOW = new Date('2026-11-26T03:00:00Z');

export const ADA: Member = { id: 'test:ada', name: 'Ada' };
export const BEN: Member = { id: 'test:ben', name: 'Ben' };
/** A member whose name is markup: the page must show it as text. */
export const EVE: Member = { id: 'test:eve', name: '<script>alert("pwned")</script><img src=x onerror=alert(1)> Eve & co' };
/** A member who chose `/mlq privacy hide`. */
export const HAL: Member = { id: 'test:hal', name: 'Hidden Hal' };

/** Which of the eight daily rounds (18 to 25 November) each member answered. */
const ANSWERED: [Member, number[]][] = [
  [ADA, [0, 1, 2, 3, 4, 5, 6, 7]],
  [BEN, [2, 3, 4, 5]],
  [EVE, [5, 6, 7]],
  [HAL, [0, 1, 2, 3, 4]],
];

/**
 * The group the web tests look at, on a harness at NOW: #study-group in Asia/Tokyo with eight revealed rounds and
 * 20 answers of 10 points each; Ada is on a streak of 8 with a freeze. Ada's answer to the round of the 24th came at 01:30 on the 25th, Tokyo time.
 */
export async function seedGroup(): Promise<Harness> {
  const h = await createHarness(NOW);
  const channel = await addChannel(h, GROUP, { timezone: 'Asia/Tokyo' });
  await h.repo.saveChannel({ ...channel, name: 'study-group' });
  const db = h.database.store.db;
  await addArchiveQuestions(db);
  const ids = ['q-overfit', 'q-dropout', 'q-drift', 'q-pvalue', 'q-imbalance', 'q-overfit', 'q-dropout', 'q-drift'];
  const rounds = await addDailyRounds(db, GROUP, ids, { first: '2026-11-18' });
  for (const who of [ADA, BEN, EVE, HAL]) await h.repo.upsertMember(who, 'test');
  for (const [who, days] of ANSWERED) {
    for (const day of days) {
      const date = `2026-11-${18 + day}`;
      const at = who === ADA && day === 6 ? new Date('2026-11-24T16:30:00Z') : new Date(`${date}T10:00:00Z`);
      const message = `test:a:${who.id}:${day}`;
      await db
        .insertInto('answers')
        .values({
          round_id: rounds[day]!,
          member_id: who.id,
          message_id: message,
          text: 'an answer',
          sealed: false,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await h.repo.award([
        {
          key: message,
          channelId: GROUP,
          memberId: who.id,
          roundId: rounds[day]!,
          reason: 'answer',
          points: 10,
          week: weekStart(date),
          at,
        },
      ]);
    }
  }
  await h.repo.settleStreaks(GROUP, [
    { memberId: ADA.id, state: { current: 8, best: 8, lastSeq: 8, freezes: 1 } },
    { memberId: BEN.id, state: { current: 0, best: 4, lastSeq: 6 } },
  ]);
  await h.repo.setHidden(HAL, 'test', true);
  return h;
}

/** The web routes of a harness on a real HTTP server on 127.0.0.1, with links signed for it. */
export async function serveWeb(h: Harness, linkDays = 7) {
  const routes = [webRoutes({ deps: h.deps, secret: WEB_SECRET })];
  const http = await startHttpServer({ port: 0, host: '127.0.0.1', healthy: async () => true, handlers: routes });
  const base = `http://127.0.0.1:${http.port}`;
  const links = webLinks({ secret: WEB_SECRET, baseUrl: base, linkDays });
  h.deps.web = links;
  return { base, links, close: http.close };
}
