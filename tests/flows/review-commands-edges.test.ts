import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';

const CH = 'test:T1:C1';
const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

const say = async (text: string) => cardText({ ...(await command(h, CH, ada, text)).card, fallback: '' }).trim();
const replies = async (words: string[]) => {
  const out: string[] = [];
  for (const w of words) out.push(await say(`/mlq review ${w}`));
  return out;
};
const reminder = () => h.database.store.db.selectFrom('review_reminders').select(['remind_time', 'timezone']).execute();
const SET = (time: string, zone: string, first: string) =>
  `Review reminder set for ${time} (${zone}) every day, the first ${first} ${time} (${zone}). It comes privately, only when cards are due ` +
  'and not while you are away (`/mlq away`). `/mlq review remind off` stops it.';
const EMPTY =
  'Review\nNo review cards yet. Grade yourself after a reveal, or after a practice question (`/mlq ask`), and the question comes back here when you are about to forget it.';
const USAGE = ' Usage: `/mlq review [show|grade <numbers>|remind <HH:MM [zone]|off>|add <question id>]`.';
const notAction = (word: string) => `\`${word}\` is not a review action: use show, grade or remind.${USAGE}`;

describe('/mlq review shortcuts and hints', () => {
  it('takes a bare time (with a colon or am/pm) or off as a reminder, and a bare number as a grade', async () => {
    expect(await replies(['08:00', '7pm', '7:30PM'])).toEqual([
      SET('08:00', 'UTC', 'Tue 24 Nov'),
      SET('19:00', 'UTC', 'Mon 23 Nov'),
      SET('19:30', 'UTC', 'Mon 23 Nov'),
    ]);
    expect(await replies(['11 am'])).toEqual([EMPTY]);
    expect(await reminder()).toEqual([{ remind_time: '19:30', timezone: 'UTC' }]);
    expect(await replies(['8am Europe/Berlin'])).toEqual([SET('08:00', 'Europe/Berlin', 'Tue 24 Nov')]);
    expect(await reminder()).toEqual([{ remind_time: '08:00', timezone: 'Europe/Berlin' }]);
    expect(await replies(['OFF'])).toEqual(['Review reminders are off.']);
  });

  it('takes bare numbers, none or all as a grade, and refuses anything else, clipped to 30 characters', async () => {
    expect(await replies(['8', '1,3', 'none', 'ALL'])).toEqual([EMPTY, EMPTY, EMPTY, EMPTY]);
    expect(await replies(['123', '8:0', '8xm', 'x8am', '8am,', '1,3,', 'a'.repeat(40)])).toEqual([
      notAction('123'),
      notAction('8:0'),
      notAction('8xm'),
      notAction('x8am'),
      notAction('8am,'),
      notAction('1,3,'),
      notAction('a'.repeat(30)),
    ]);
    expect(await reminder()).toEqual([]);
  });

  it('hints at the right form of remind and add, clipping a long time to 20 and a long zone to 40 characters', async () => {
    expect(
      await replies([
        'remind 08:00 UTC extra',
        `remind ${'9'.repeat(30)}`,
        `remind 08:00 ${'Z'.repeat(50)}`,
        'add',
        'add a b',
        'show more',
      ]),
    ).toEqual([
      'Give a time, such as `/mlq review remind 08:00`, optionally with your time zone (`Europe/Berlin`), or `off`.',
      `\`${'9'.repeat(20)}\` is not a time; write it like 08:00 or 8am.`,
      `\`${'Z'.repeat(40)}\` is not a time zone; use a name such as Europe/Berlin or America/New_York.`,
      'Give the id of one question, such as `/mlq review add bias-variance-tradeoff` (`/mlq archive` shows them).',
      'Give the id of one question, such as `/mlq review add bias-variance-tradeoff` (`/mlq archive` shows them).',
      notAction('show'),
    ]);
    expect(await reminder()).toEqual([]);
  });

  it('with a card due: shows its points, asks for numbers, then a bare number grades it; guidance waits for a reveal', async () => {
    await command(h, CH, admin, '/mlq start');
    expect(await replies(['add BIAS-variance-diagnosis', 'show', 'grade', '1'])).toEqual([
      'Added to your review cards, due now: “Explain the bias-variance trade-off, and tell me how you would find out which of the two ' +
        'is hurting a model you trained.”. `/mlq review` brings it up.',
      'Key points · Fundamentals · junior\n' +
        'In one line: Error is bias plus variance plus noise; compare training and validation curves: a big gap means variance, both poor means bias.\n' +
        'Error decomposes into bias, variance and irreducible noise\n' +
        'Diagnose with learning or validation curves before choosing a fix\n' +
        'Variance fixes: regularisation, simpler model, more data, bagging\n' +
        'Bias fixes: richer features or a more flexible model; more rows rarely help\n' +
        'Tick those you recalled, or type `/mlq review grade 1 3` with their numbers (`none` or `all` work too).',
      'Give the numbers of the key points you recalled, such as `/mlq review grade 1 3`, or `none` or `all`.',
      'Saved: 1 of 4 key points · Again. Next review of this question: Tue 24 Nov 08:00 (UTC).\n' +
        'No review is due. The next one is due Tue 24 Nov 08:00 (UTC).',
    ]);
    expect(await say('/mlq guidance')).toBe('No round has been revealed here yet.');
  });
});
