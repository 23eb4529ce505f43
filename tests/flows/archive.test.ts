import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Button, Card } from '../../src/core/message.ts';
import { addArchiveQuestions, addDailyRounds } from '../helpers/archive-rounds.ts';
import { cardText, command, createHarness, DEFAULTS, type Harness, member } from '../helpers/harness.ts';

const CH = 'test:T1:C1';
const OTHER = 'test:T1:C2';
const ada = member('ada');

let h: Harness;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  await addArchiveQuestions(h.database.store.db);
  for (const id of [CH, OTHER]) await h.mlq.ensureChannel({ ...DEFAULTS, id, communityId: 'test', name: id });
});
afterEach(async () => {
  await h.close();
});

const buttonsOf = (card: Card): Button[] => card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
const button = (card: Card, label: string) => buttonsOf(card).find((b) => b.label === label);
/** The prompts of a page in the order shown, with their numbers. */
const listed = (card: Card) =>
  card.blocks.flatMap((b) => (b.type === 'text' && /^\*\*\d+\.\*\* /.test(b.markdown) ? [b.markdown.replace(/\*\*/g, '')] : []));
/** The date line of each round on a page. */
const dated = (card: Card) => card.blocks.flatMap((b) => (b.type === 'context' && /^\d{4}-/.test(b.markdown) ? [b.markdown] : []));
const press = (b: Button) => h.mlq.action({ channelId: CH, communityId: 'test', actor: ada, action: b.action, value: b.value });
const cardOf = (r: InteractionReply): Card => {
  if (r.kind !== 'card') throw new Error(`expected a card, got ${r.kind}`);
  return r.card;
};

const OVERFIT = 'What is overfitting, and how do you notice it in a model?';
const DROPOUT = 'Why does dropout help a deep network generalise?';
const DRIFT = 'How would you notice data drift in production?';
const PVALUE = 'What does a p-value tell you, and what does it leave out?';

describe('/mlq archive', () => {
  it('pages the newest rounds five at a time with Next and Prev, and the same pages by command', async () => {
    const questions = ['q-overfit', 'q-dropout', 'q-drift', 'q-pvalue', 'q-imbalance', 'q-overfit'];
    await addDailyRounds(h.database.store.db, CH, [...questions, ...questions], { first: '2026-11-01' });
    await addDailyRounds(h.database.store.db, OTHER, ['q-drift'], { first: '2026-11-20' });

    const first = await command(h, CH, ada, '/mlq archive');
    expect(first.visibility).toBe('private');
    expect(first.card.title).toBe('Archive');
    expect(dated(first.card)).toEqual([
      '2026-11-12 · Fundamentals · junior',
      '2026-11-11 · Model evaluation · mid',
      '2026-11-10 · Statistics and probability · junior',
      '2026-11-09 · Production and MLOps · senior',
      '2026-11-08 · Deep learning · mid',
    ]);
    expect(listed(first.card)[0]).toBe(`1. ${OVERFIT}`);
    expect(button(first.card, 'Prev')).toBeUndefined();
    const next = button(first.card, 'Next')!;
    expect(next.command).toBe('/mlq archive page 2');

    const second = cardOf(await press(next));
    expect(second.title).toBe('Archive · page 2');
    expect(dated(second).map((d) => d.slice(0, 10))).toEqual(['2026-11-07', '2026-11-06', '2026-11-05', '2026-11-04', '2026-11-03']);
    expect(listed(second)[0]).toBe(`6. ${OVERFIT}`);
    expect(button(second, 'Prev')!.command).toBe('/mlq archive');

    const third = cardOf(await press(button(second, 'Next')!));
    expect(dated(third).map((d) => d.slice(0, 10))).toEqual(['2026-11-02', '2026-11-01']);
    expect(listed(third)).toEqual([`11. ${DROPOUT}`, `12. ${OVERFIT}`]);
    expect(button(third, 'Next')).toBeUndefined();

    const back = cardOf(await press(button(third, 'Prev')!));
    expect(dated(back)).toEqual(dated(second));
    expect(cardText((await command(h, CH, ada, '/mlq archive page 2')).card)).toBe(cardText(second));
    expect(cardText((await command(h, CH, ada, '/mlq archive page 3')).card)).toBe(cardText(third));
    expect(cardText((await command(h, CH, ada, '/mlq archive page 4')).card)).toContain('There are only 3 pages for that search.');
  });

  it('puts the best match first and the newest first among equal matches, within a category, never another channel', async () => {
    await addDailyRounds(h.database.store.db, CH, ['q-overfit', 'q-dropout', 'q-overfit', 'q-pvalue', 'q-drift', 'q-overfit'], {
      first: '2026-11-01',
    });
    await addDailyRounds(h.database.store.db, OTHER, ['q-overfit'], { first: '2026-11-20' });

    const found = (await command(h, CH, ada, '/mlq archive overfitting')).card;
    expect(found.title).toBe('Archive · “overfitting”');
    expect(listed(found).slice(0, 3)).toEqual([`1. ${OVERFIT}`, `2. ${OVERFIT}`, `3. ${OVERFIT}`]);
    expect(
      dated(found)
        .slice(0, 3)
        .map((d) => d.slice(0, 10)),
    ).toEqual(['2026-11-06', '2026-11-03', '2026-11-01']);
    expect(
      new Set(
        listed(found)
          .slice(3)
          .map((l) => l.slice(3)),
      ),
    ).toEqual(new Set([DROPOUT, DRIFT]));
    expect(button(found, 'Next')).toBeUndefined();

    const inCategory = (await command(h, CH, ada, '/mlq archive overfitting deep learning')).card;
    expect(inCategory.title).toBe('Archive · “overfitting” in Deep learning');
    expect(listed(inCategory)).toEqual([`1. ${DROPOUT}`]);
    expect(listed((await command(h, CH, ada, '/mlq archive statistics')).card)).toEqual([`1. ${PVALUE}`]);
    expect(cardText((await command(h, CH, ada, '/mlq archive gradient')).card)).toContain('No past round here matches “gradient”');
    expect((await command(h, OTHER, ada, '/mlq archive overfitting')).card.blocks.length).toBeGreaterThan(0);
    expect(listed((await command(h, OTHER, ada, '/mlq archive dropout')).card)).toEqual([]);
  });

  it('limits the search and the page number, and answers a stale or forged page button', async () => {
    const long = 'a'.repeat(41);
    expect(cardText((await command(h, CH, ada, `/mlq archive ${long}`)).card)).toContain('Keep the search to 40 characters');
    expect(cardText((await command(h, CH, ada, `/mlq archive ${'a'.repeat(40)}`)).card)).toContain('No past round here matches');
    expect(cardText((await command(h, CH, ada, '/mlq archive page 51')).card)).toContain('Give a page from 1 to 50');
    expect(cardText((await command(h, CH, ada, '/mlq archive page 0')).card)).toContain('Give a page from 1 to 50');
    expect(cardText((await command(h, CH, ada, '/mlq archive page 50')).card)).toContain('There is only one page for that search.');
    expect(cardText((await command(h, CH, ada, '/mlq archive')).card)).toContain('This channel has no past rounds yet.');
    const forged = await press({ label: 'Next', action: 'archive.page', value: 'x~~~' });
    expect(forged).toEqual({ kind: 'notice', text: 'That page is no longer available; run `/mlq archive` again.' });
    const unsubscribed = await command(h, 'test:T1:C9', ada, '/mlq archive');
    expect(cardText(unsubscribed.card)).toContain('This channel has no daily question yet');
  });

  it('adds a revealed round’s question to the member’s review cards once, never an open round’s', async () => {
    const [, second, open] = await addDailyRounds(h.database.store.db, CH, ['q-overfit', 'q-dropout', 'q-drift'], {
      first: '2026-11-20',
      open: true,
    });
    const page = (await command(h, CH, ada, '/mlq archive')).card;
    expect(dated(page)[0]).toBe('2026-11-22 · Production and MLOps · senior · open: not revealed yet');
    expect(
      buttonsOf(page)
        .filter((b) => b.action === 'archive.review')
        .map((b) => [b.label, b.value, b.command]),
    ).toEqual([
      ['Review #2', String(second), '/mlq review add q-dropout'],
      ['Review #3', expect.any(String), '/mlq review add q-overfit'],
    ]);
    const add = button(page, 'Review #2')!;
    expect(await press(add)).toEqual({
      kind: 'notice',
      text: `Added to your review cards, due now: “${DROPOUT}”. \`/mlq review\` brings it up.`,
    });
    expect(await press(add)).toEqual({ kind: 'notice', text: `It is in your review cards already: “${DROPOUT}”.` });
    expect(await press({ label: 'x', action: 'archive.review', value: String(open) })).toEqual({
      kind: 'notice',
      text: 'Only a revealed round can be added to your review cards.',
    });
    expect(cardText((await command(h, CH, ada, '/mlq review add q-dropout')).card)).toContain('in your review cards already');
    expect(cardText((await command(h, CH, ada, '/mlq review add q-nothing')).card)).toContain('There is no question with that id.');
    const cards = await h.database.store.db.selectFrom('review_cards').select(['member_id', 'question_id']).execute();
    expect(cards).toEqual([{ member_id: 'test:ada', question_id: 'q-dropout' }]);
    const review = (await command(h, CH, ada, '/mlq review')).card;
    expect(cardText(review)).toContain(DROPOUT);
  });
});
