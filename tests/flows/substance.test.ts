import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSealedAnswer } from '../../src/core/answers.ts';
import { Mlq } from '../../src/core/app.ts';
import type { MessageEditedEvent } from '../../src/core/events.ts';
import { createRepository } from '../../src/store/repository.ts';
import { cardText, command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';

const CH = 'test:T1:C1';
const ada = member('ada');
const bob = member('bob');
const admin = { id: 'test:admin', name: 'admin' };
const ELEVEN = 'More data lowers variance, so an overfit model usually improves too.';
const TWELVE = 'More data lowers variance, so an overfit model usually improves with it.';
const THIRTEEN = 'More data lowers variance, so an overfit model usually improves with it too.';

let h: Harness;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  await command(h, CH, admin, '/mlq start');
});
afterEach(async () => {
  await h.close();
});

const db = () => h.database.store.db;
const notes = () => h.port.of('private').map((s) => ({ to: s.target, text: cardText(s.card!) }));
const ledger = () => db().selectFrom('ledger').select(['member_id', 'reason', 'points']).orderBy('member_id').orderBy('reason').execute();
const answers = () => db().selectFrom('answers').select(['member_id', 'text', 'withdrawn_at']).orderBy('id').execute();
const reveal = () => command(h, CH, admin, '/mlq reveal');

async function edit(messageId: string, author: { id: string; name: string }, text: string): Promise<boolean> {
  const round = (await h.mlq.currentRound(CH))!;
  const event: MessageEditedEvent = { messageId, text, channelId: CH, communityId: 'test', threadId: round.threadId!, author };
  return h.mlq.messageEdited(event);
}

describe('the word bar on thread answers', () => {
  it('counts exactly 12 words and not 11, and tells the member privately why', async () => {
    expect((await reply(h, CH, ada, ELEVEN)).outcome).toBe('not-counted');
    expect((await reply(h, CH, bob, TWELVE)).outcome).toBe('answer');
    expect((await reply(h, CH, member('cy'), THIRTEEN)).outcome).toBe('answer');
    expect(h.port.of('react').map((r) => r.ack)).toEqual(['answer-counted', 'answer-counted']);
    expect(notes()).toEqual([
      {
        to: 'test:ada',
        text: expect.stringContaining(
          'An answer here needs at least 12 words and this one has 11. Edit your reply (or reply again) with your reasoning',
        ),
      },
    ]);
    const kinds = await db().selectFrom('thread_messages').select(['member_id', 'kind']).orderBy('member_id').execute();
    expect(kinds).toEqual([
      { member_id: 'test:ada', kind: 'discussion' },
      { member_id: 'test:bob', kind: 'answer' },
      { member_id: 'test:cy', kind: 'answer' },
    ]);
    expect(cardText((await reveal()).card)).toContain('Revealed: 2 answered');
    expect(await ledger()).toEqual([
      { member_id: 'test:bob', reason: 'answer', points: 10 },
      { member_id: 'test:cy', reason: 'answer', points: 10 },
    ]);
  });

  it('refuses filler, a 200 kB blob and one character past 10,000, and takes exactly 10,000', async () => {
    const padded = (length: number) => `${TWELVE} ${'z'.repeat(length - TWELVE.length - 1)}`;
    expect((await reply(h, CH, ada, 'blah '.repeat(40))).outcome).toBe('not-counted');
    expect((await reply(h, CH, bob, 'x'.repeat(200_000))).outcome).toBe('not-counted');
    expect((await reply(h, CH, member('cy'), padded(10_001))).outcome).toBe('not-counted');
    expect((await reply(h, CH, member('dee'), padded(10_000))).outcome).toBe('answer');
    expect(notes().map((n) => [n.to, n.text.split('\n')[1]])).toEqual([
      [
        'test:ada',
        'It repeats one word over and over. Edit your reply (or reply again) with your own explanation in at least 12 words and it counts as your answer.',
      ],
      [
        'test:bob',
        'It has 200,000 characters and an answer counts up to 10,000. Edit your reply (or reply again) with the essentials and it counts as your answer.',
      ],
      [
        'test:cy',
        'It has 10,001 characters and an answer counts up to 10,000. Edit your reply (or reply again) with the essentials and it counts as your answer.',
      ],
    ]);
    const stored = await answers();
    expect(stored.map((a) => [a.member_id, a.text.length])).toEqual([['test:dee', 10_000]]);
  });

  it('sends the note once for a replayed short reply, and none for short discussion after an answer', async () => {
    const short = await reply(h, CH, ada, 'My answer...', 'test:short:1');
    expect((await reply(h, CH, ada, 'My answer...', 'test:short:1')).outcome).toBe('duplicate');
    expect(short.outcome).toBe('not-counted');
    await reply(h, CH, bob, TWELVE);
    expect((await reply(h, CH, bob, 'Good point')).outcome).toBe('discussion');
    expect(notes().map((n) => n.to)).toEqual(['test:ada']);
  });
});

describe('replicas', () => {
  it('send one note when two replicas get the same short reply at once', async () => {
    const other = new Mlq({ ...h.deps, repo: createRepository(h.database.store.db) });
    const round = (await h.mlq.currentRound(CH))!;
    const event = {
      channelId: CH,
      communityId: 'test',
      threadId: round.threadId!,
      messageId: 'test:twice:1',
      author: ada,
      text: 'My answer...',
    };
    const outcomes = await Promise.all([h.mlq.threadMessage(event), other.threadMessage(event)]);
    expect(outcomes.sort()).toEqual(['duplicate', 'not-counted']);
    expect(notes().map((n) => n.to)).toEqual(['test:ada']);
  });
});

describe('replying again', () => {
  it('counts the next reply that clears the bar as the answer, and later ones as discussion', async () => {
    expect((await reply(h, CH, ada, 'My answer...')).outcome).toBe('not-counted');
    expect((await reply(h, CH, ada, TWELVE)).outcome).toBe('answer');
    expect((await reply(h, CH, ada, THIRTEEN)).outcome).toBe('discussion');
    expect((await answers()).map((a) => a.text)).toEqual([TWELVE]);
    await reveal();
    expect(await ledger()).toEqual([{ member_id: 'test:ada', reason: 'answer', points: 10 }]);
  });
});

describe('edits and the bar', () => {
  it('counts a short reply edited past the bar before the reveal, once, even when the edit is replayed', async () => {
    const short = await reply(h, CH, ada, 'My answer...');
    expect(await edit(short.messageId, ada, 'Still short')).toBe(false);
    expect(await edit(short.messageId, ada, TWELVE)).toBe(true);
    await edit(short.messageId, ada, TWELVE);
    expect(h.port.of('react').map((r) => [r.target, r.ack])).toEqual([[short.messageId, 'answer-counted']]);
    expect((await answers()).map((a) => [a.member_id, a.text])).toEqual([['test:ada', TWELVE]]);
    const kind = await db()
      .selectFrom('thread_messages')
      .select('kind')
      .where('message_id', '=', short.messageId)
      .executeTakeFirstOrThrow();
    expect(kind.kind).toBe('answer');
    await reveal();
    expect(await ledger()).toEqual([{ member_id: 'test:ada', reason: 'answer', points: 10 }]);
    expect(cardText((await command(h, CH, ada, '/mlq streak')).card)).toMatch(/1 round in a row/);
  });

  it('does not count a short reply edited past the bar after the reveal', async () => {
    const short = await reply(h, CH, ada, 'My answer...');
    await reveal();
    expect(await edit(short.messageId, ada, TWELVE)).toBe(false);
    expect(await answers()).toEqual([]);
    expect(await ledger()).toEqual([]);
  });

  it('keeps a later reply discussion when its author already has an answer', async () => {
    await reply(h, CH, ada, TWELVE);
    const later = await reply(h, CH, ada, 'One more thing');
    expect(later.outcome).toBe('discussion');
    expect(await edit(later.messageId, ada, THIRTEEN)).toBe(false);
    expect((await answers()).map((a) => a.text)).toEqual([TWELVE]);
    await reveal();
    expect(await ledger()).toEqual([{ member_id: 'test:ada', reason: 'answer', points: 10 }]);
  });

  it('keeps a counted answer counted, with its last text that cleared the bar, when an edit falls below it', async () => {
    const first = await reply(h, CH, ada, TWELVE);
    expect(await edit(first.messageId, ada, ELEVEN)).toBe(false);
    expect(notes()).toEqual([{ to: 'test:ada', text: expect.stringContaining('needs at least 12 words and this one has 11') }]);
    expect((await answers()).map((a) => [a.text, a.withdrawn_at])).toEqual([[TWELVE, null]]);
    expect(await edit(first.messageId, ada, THIRTEEN)).toBe(true);
    expect((await answers()).map((a) => a.text)).toEqual([THIRTEEN]);
    await reveal();
    expect(await ledger()).toEqual([{ member_id: 'test:ada', reason: 'answer', points: 10 }]);
  });

  it('ignores an edit event that does not say its thread and author, as before', async () => {
    const short = await reply(h, CH, ada, 'My answer...');
    expect(await h.mlq.messageEdited({ messageId: short.messageId, text: TWELVE })).toBe(false);
    expect(await answers()).toEqual([]);
  });
});

describe('the min-words setting', () => {
  it('starts at 12, and an organiser lowers it, raises it to 200 or turns it off', async () => {
    expect(cardText((await command(h, CH, admin, '/mlq config')).card)).toContain('min-words: 12 words');
    expect(cardText((await command(h, CH, admin, '/mlq config min-words 201')).card)).toContain(
      '`201` is not a word count; give a whole number from 0 to 200, for example 12 (0 or off turns the bar off)',
    );
    expect(cardText((await command(h, CH, admin, '/mlq config min-words 5')).card)).toContain('Saved: min-words is now 5 words');
    expect((await reply(h, CH, ada, 'Regularise first, then data.')).outcome).toBe('not-counted');
    expect(notes()[0]!.text).toContain('An answer here needs at least 5 words and this one has 4.');
    expect((await reply(h, CH, bob, 'Regularise first, then more data.')).outcome).toBe('answer');
    await command(h, CH, admin, '/mlq config min-words off');
    expect((await h.repo.getChannel(CH))!.minWords).toBe(0);
    expect((await reply(h, CH, member('cy'), 'ok')).outcome).toBe('answer');
    await command(h, CH, admin, '/mlq config min-words 200');
    expect((await h.repo.getChannel(CH))!.minWords).toBe(200);
    expect((await reply(h, CH, member('dee'), THIRTEEN)).outcome).toBe('not-counted');
  });

  it('is refused to members', async () => {
    expect(cardText((await command(h, CH, ada, '/mlq config min-words 0')).card)).toMatch(/is for the channel's organisers/);
    expect((await h.repo.getChannel(CH))!.minWords).toBe(12);
  });
});

describe('probe replies', () => {
  const SEVEN = 'I would compare calibration per segment first.';
  const EIGHT = 'I would compare the calibration per segment first.';

  it('need 8 words and no filler, with no note for a short one', async () => {
    await reveal();
    expect((await reply(h, CH, ada, SEVEN)).outcome).toBe('discussion');
    expect((await reply(h, CH, bob, 'blah '.repeat(12))).outcome).toBe('discussion');
    expect((await reply(h, CH, ada, EIGHT)).outcome).toBe('probe-reply');
    expect(notes()).toEqual([]);
    expect(await ledger()).toEqual([{ member_id: 'test:ada', reason: 'probe_reply', points: 5 }]);
  });

  it("stay at 8 words whatever the channel's answer bar, so chat after the reveal never earns them", async () => {
    await command(h, CH, admin, '/mlq config min-words off');
    expect((await reply(h, CH, bob, 'ok')).outcome).toBe('answer');
    await reveal();
    expect((await reply(h, CH, ada, 'Thanks, great question!')).outcome).toBe('discussion');
    expect((await reply(h, CH, ada, SEVEN)).outcome).toBe('discussion');
    expect((await reply(h, CH, ada, EIGHT)).outcome).toBe('probe-reply');
    expect(await ledger()).toEqual([
      { member_id: 'test:ada', reason: 'probe_reply', points: 5 },
      { member_id: 'test:bob', reason: 'answer', points: 10 },
    ]);
  });
});

describe('sealed answers', () => {
  it('need the same bar, with a note that says to answer again', async () => {
    const round = (await h.mlq.currentRound(CH))!;
    const sealed = (text: string, submissionId: string) =>
      recordSealedAnswer(h.deps, { channelId: CH, communityId: 'test', roundId: round.id, author: ada, text, submissionId });
    expect(await sealed(ELEVEN, 'test:view:1')).toBe('not-counted');
    expect(notes()[0]!.text).toContain('Answer again with your reasoning (why, a trade-off, an example) and that counts.');
    expect(await sealed(TWELVE, 'test:view:2')).toBe('answer');
    await reveal();
    expect(await ledger()).toEqual([{ member_id: 'test:ada', reason: 'answer', points: 10 }]);
  });
});

describe('help', () => {
  it('tells members the bar', async () => {
    const help = cardText((await command(h, CH, ada, '/mlq help')).card);
    expect(help).toContain('An answer needs at least 12 words unless organisers change it (`/mlq config min-words`)');
    expect(help).toContain('at most 10,000 characters');
  });
});
