import type { Kysely } from 'kysely';
import type { SealedAnswerInput, ThreadAnswer, ThreadMessageKind } from '../core/repository.ts';
import type { Answer, Member } from '../core/types.ts';
import { answerCoalescer } from './record-answers.ts';
import type { Database } from './schema.ts';

const answerColumns = ['id', 'round_id', 'member_id', 'message_id', 'text', 'sealed'] as const;

function toAnswer(row: { id: number; round_id: number; member_id: string; message_id: string; text: string; sealed: boolean }): Answer {
  return { id: row.id, roundId: row.round_id, memberId: row.member_id, messageId: row.message_id, text: row.text, sealed: row.sealed };
}

/** Answers, thread messages and votes; answers are recorded in batches by the rule in migration 0006. */
export function answersRepo(db: Kysely<Database>) {
  const answers = answerCoalescer(db);
  return {
    async recordThreadMessage(messageId: string, roundId: number, memberId: string, kind: ThreadMessageKind, at: Date): Promise<boolean> {
      const row = await db
        .insertInto('thread_messages')
        .values({ message_id: messageId, round_id: roundId, member_id: memberId, kind, created_at: at })
        .onConflict((oc) => oc.column('message_id').doNothing())
        .returning('message_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    answerInThread(
      threadId: string,
      member: Member,
      communityId: string,
      messageId: string,
      text: string,
      at: Date,
    ): Promise<ThreadAnswer> {
      return answers.submit({ threadId, member, communityId, messageId, text, at });
    },

    answerSealed(input: SealedAnswerInput): Promise<ThreadAnswer> {
      const { submissionId, ...rest } = input;
      return answers.submit({ ...rest, messageId: submissionId });
    },

    async answerByMessage(messageId: string): Promise<Answer | null> {
      const row = await db
        .selectFrom('answers')
        .select(answerColumns)
        .where('message_id', '=', messageId)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      return row ? toAnswer(row) : null;
    },

    async updateAnswerText(messageId: string, text: string, at: Date): Promise<boolean> {
      const result = await db
        .updateTable('answers')
        .set({ text, updated_at: at })
        .where('message_id', '=', messageId)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async withdrawAnswer(messageId: string, at: Date): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('answers')
          .set({ withdrawn_at: at, updated_at: at })
          .where('message_id', '=', messageId)
          .where('withdrawn_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!row) return false;
        await trx.deleteFrom('votes').where('answer_id', '=', row.id).execute();
        return true;
      });
    },

    async hasCountedAnswer(roundId: number, memberId: string): Promise<boolean> {
      const row = await db
        .selectFrom('answers')
        .select('id')
        .where('round_id', '=', roundId)
        .where('member_id', '=', memberId)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      return row !== undefined;
    },

    async countedAnswers(roundId: number): Promise<Answer[]> {
      const rows = await db
        .selectFrom('answers')
        .select(answerColumns)
        .where('round_id', '=', roundId)
        .where('withdrawn_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toAnswer);
    },

    async addVote(answerId: number, voterId: string, at: Date): Promise<number | null> {
      const row = await db
        .insertInto('votes')
        .values({ answer_id: answerId, voter_id: voterId, created_at: at })
        .onConflict((oc) => oc.columns(['answer_id', 'voter_id']).doNothing())
        .returning('voter_id')
        .executeTakeFirst();
      if (!row) return null;
      const count = await db
        .selectFrom('votes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('answer_id', '=', answerId)
        .executeTakeFirstOrThrow();
      return Number(count.n);
    },

    async votesFor(answerIds: number[]): Promise<{ answerId: number; voterId: string }[]> {
      if (answerIds.length === 0) return [];
      const rows = await db
        .selectFrom('votes')
        .select(['answer_id', 'voter_id'])
        .where('answer_id', 'in', answerIds)
        .orderBy('created_at')
        .orderBy('voter_id')
        .execute();
      return rows.map((r) => ({ answerId: r.answer_id, voterId: r.voter_id }));
    },
  };
}
