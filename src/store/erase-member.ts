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
  ['pair_checkins', async (trx, id) => count(await trx.deleteFrom('pair_checkins').where('member_id', '=', id).execute())],
  [
    'pair_feedback',
    async (trx, id) =>
      count(
        await trx
          .deleteFrom('pair_feedback')
          .where((w) => w.or([w('from_member', '=', id), w('to_member', '=', id)]))
          .execute(),
      ),
  ],
  [
    'pair_turns',
    // the partner's turn stays (their question and role), with the erased member as nobody in particular
    async (trx, id) =>
      count(await trx.updateTable('pair_turns').set({ interviewer: 'erased' }).where('interviewer', '=', id).execute()) +
      count(await trx.updateTable('pair_turns').set({ candidate: 'erased' }).where('candidate', '=', id).execute()),
  ],
  [
    'pair_groups',
    async (trx, id) =>
      count(
        await trx
          .updateTable('pair_groups')
          .set({ members: sql`array_remove(members, ${id}::text)` })
          .where(sql<boolean>`${id}::text = any(members)`)
          .execute(),
      ),
  ],
  [
    'pair_cycles',
    async (trx, id) =>
      count(
        await trx
          .updateTable('pair_cycles')
          .set({ unmatched: sql`array_remove(unmatched, ${id}::text)`, snoozed: sql`array_remove(snoozed, ${id}::text)` })
          .where(sql<boolean>`${id}::text = any(unmatched) or ${id}::text = any(snoozed)`)
          .execute(),
      ),
  ],
  ['pair_members', async (trx, id) => count(await trx.deleteFrom('pair_members').where('member_id', '=', id).execute())],
  [
    'questions',
    // an approved suggestion stays in its pool, without the credit that named its author
    async (trx, id) =>
      count(
        await trx
          .updateTable('questions')
          .set({ body: sql`body - 'suggested_by'` })
          .where('id', 'in', (q) =>
            q.selectFrom('suggestions').select('question_id').where('author_id', '=', id).where('question_id', 'is not', null),
          )
          .execute(),
      ),
  ],
  [
    'suggestions',
    async (trx, id) =>
      count(await trx.deleteFrom('suggestions').where('author_id', '=', id).execute()) +
      count(await trx.updateTable('suggestions').set({ decided_by: 'erased' }).where('decided_by', '=', id).execute()),
  ],
  ['suggestion_drafts', async (trx, id) => count(await trx.deleteFrom('suggestion_drafts').where('member_id', '=', id).execute())],
  [
    'next_questions',
    async (trx, id) => count(await trx.updateTable('next_questions').set({ set_by: 'erased' }).where('set_by', '=', id).execute()),
  ],
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
