import { type Kysely, sql, type Transaction } from 'kysely';
import type { ErasureReport } from '../core/repository.ts';
import type { Database } from './schema.ts';

type Step = (trx: Transaction<Database>, memberId: string) => Promise<number>;

const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }[] | { numAffectedRows?: bigint }) =>
  Array.isArray(result)
    ? result.reduce((n, r) => n + Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0), 0)
    : Number(result.numAffectedRows ?? 0);

/** The rounds whose counted answers include the member's, so their counts can be taken again after the answers go. */
async function answeredRounds(trx: Transaction<Database>, memberId: string): Promise<number[]> {
  const rows = await trx.selectFrom('answers').select('round_id').distinct().where('member_id', '=', memberId).execute();
  return rows.map((r) => r.round_id);
}

/**
 * Every table that holds a member's data, and what erasing them does there, in the order it runs (children before
 * parents). A feature that adds a table with a member id or a member's text adds a step here;
 * tests/flows/privacy.test.ts scans every table of the schema after an erasure, so a forgotten one fails it.
 * Other members keep the points a peer vote of the erased member earned them: the vote goes, and the ledger key that
 * named the voter becomes `erased:<entry id>`, so every total still equals the sum of the ledger.
 */
export const ERASURE: [table: string, step: Step][] = [
  [
    'ledger',
    async (trx, id) => {
      // the keys of peer votes the member gave name them last (points.ts ledgerKey); found through their votes, by key
      const named = await sql`
        update ledger set key = 'erased:' || ledger.id
        from votes v join answers a on a.id = v.answer_id
        where v.voter_id = ${id} and a.member_id <> ${id}
          and ledger.key = 'peer_vote:' || a.round_id || ':' || a.member_id || ':' || ${id}::text`.execute(trx);
      return count(named) + count(await trx.deleteFrom('ledger').where('member_id', '=', id).execute());
    },
  ],
  [
    'votes',
    async (trx, id) =>
      count(
        await trx
          .deleteFrom('votes')
          .where((w) =>
            w.or([w('voter_id', '=', id), w('answer_id', 'in', w.selectFrom('answers').select('id').where('member_id', '=', id))]),
          )
          .execute(),
      ),
  ],
  ['scores', async (trx, id) => count(await trx.deleteFrom('scores').where('member_id', '=', id).execute())],
  ['streaks', async (trx, id) => count(await trx.deleteFrom('streaks').where('member_id', '=', id).execute())],
  ['thread_messages', async (trx, id) => count(await trx.deleteFrom('thread_messages').where('member_id', '=', id).execute())],
  [
    'answers',
    async (trx, id) => {
      const rounds = await answeredRounds(trx, id);
      const deleted = count(await trx.deleteFrom('answers').where('member_id', '=', id).execute());
      if (rounds.length) {
        await trx
          .updateTable('rounds')
          .set((eb) => ({
            answer_count: eb
              .selectFrom('answers')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('answers.round_id', '=', 'rounds.id')
              .where('answers.withdrawn_at', 'is', null),
          }))
          .where('id', 'in', rounds)
          .where('status', 'in', ['revealing', 'revealed'])
          .execute();
      }
      return deleted;
    },
  ],
  ['review_log', async (trx, id) => count(await trx.deleteFrom('review_log').where('member_id', '=', id).execute())],
  ['review_cards', async (trx, id) => count(await trx.deleteFrom('review_cards').where('member_id', '=', id).execute())],
  ['grades', async (trx, id) => count(await trx.deleteFrom('grades').where('member_id', '=', id).execute())],
  ['review_reminders', async (trx, id) => count(await trx.deleteFrom('review_reminders').where('member_id', '=', id).execute())],
  ['practices', async (trx, id) => count(await trx.deleteFrom('practices').where('member_id', '=', id).execute())],
  [
    'season_results',
    async (trx, id) =>
      count(
        await trx
          .updateTable('season_results')
          .set({ champion_ids: sql`array_remove(champion_ids, ${id}::text)` })
          .where(sql<boolean>`${id}::text = any(champion_ids)`)
          .execute(),
      ),
  ],
  [
    'channels',
    async (trx, id) =>
      count(
        await trx
          .updateTable('channels')
          .set({ organiser_ids: sql`array_remove(organiser_ids, ${id}::text)` })
          .where(sql<boolean>`${id}::text = any(organiser_ids)`)
          .execute(),
      ),
  ],
  ['members', async (trx, id) => count(await trx.deleteFrom('members').where('id', '=', id).execute())],
];

/** Runs every step of ERASURE for one member in one transaction; the rows each touched, by table (tables with none left out). */
export async function eraseMember(db: Kysely<Database>, memberId: string): Promise<ErasureReport> {
  return db.transaction().execute(async (trx) => {
    // held until commit: points awarded meanwhile (their ledger rows need the member row) wait, then fail and are retried
    await trx.selectFrom('members').select('id').where('id', '=', memberId).forUpdate().execute();
    const report: ErasureReport = {};
    for (const [table, step] of ERASURE) {
      const n = await step(trx, memberId);
      if (n > 0) report[table] = n;
    }
    return report;
  });
}
