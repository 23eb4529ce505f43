import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { card, text } from '../../src/core/message.ts';
import { addArchiveQuestions, addDailyRounds } from '../helpers/archive-rounds.ts';
import { DEFAULTS } from '../helpers/harness.ts';
import { blockText, createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackHarness;

beforeEach(async () => {
  h = await createSlackHarness(new Date('2026-11-23T08:00:00Z'));
  await addArchiveQuestions(h.database.store.db);
  await h.mlq.ensureChannel({ ...DEFAULTS, id: 'slack:T1:C1', communityId: 'slack:T1', name: 'ml-study' });
});
afterEach(async () => {
  await h.close();
});

interface SlackButton {
  type: string;
  action_id: string;
  value: string;
  text: { text: string };
}
const buttonsIn = (blocks: unknown): SlackButton[] =>
  ((blocks ?? []) as { type: string; elements?: SlackButton[] }[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

let responses = 0;
/** Presses a button of an ephemeral message and returns what the response_url received. */
async function press(user: string, button: SlackButton) {
  const n = `press-${++responses}`;
  await h.interact({
    type: 'block_actions',
    user: { id: user },
    channel: { id: 'C1' },
    trigger_id: `trig-${n}`,
    response_url: h.slack.responseUrl(n),
    actions: [{ action_id: button.action_id, value: button.value, type: 'button' }],
  });
  return (await waitFor(() => h.slack.responses.find((r) => r.url.endsWith(`/respond/${n}`)))).body;
}

describe('the archive in Slack', () => {
  it('answers privately with permalinks to the threads, pages with Next and Prev, and adds a question to review once', async () => {
    const messages: string[] = [];
    for (let i = 0; i < 7; i++) messages.push((await h.platform.port.post('slack:T1:C1', card('Question', [text(`q${i}`)]))).messageId);
    await addDailyRounds(
      h.database.store.db,
      'slack:T1:C1',
      ['q-overfit', 'q-dropout', 'q-drift', 'q-pvalue', 'q-imbalance', 'q-overfit', 'q-dropout'],
      {
        first: '2026-11-01',
        messageId: (n) => messages[n]!,
      },
    );

    const { reply } = await h.command('U1', 'archive');
    expect(reply?.response_type).toBe('ephemeral');
    const first = blockText(reply?.blocks);
    const ts = messages.map((m) => m.split(':')[3]!.replace('.', ''));
    expect(first).toContain(`2026-11-07 · Deep learning · mid · <https://study.example/archives/C1/p${ts[6]}|open the thread>`);
    expect(first).toContain(`2026-11-03 · Production and MLOps · senior · <https://study.example/archives/C1/p${ts[2]}|open the thread>`);
    expect(first).not.toContain('2026-11-02');
    expect(h.slack.of('chat.getPermalink').map((c) => c.params.message_ts)).toEqual(
      messages
        .slice(2)
        .reverse()
        .map((m) => m.split(':')[3]),
    );
    const buttons = buttonsIn(reply?.blocks);
    expect(buttons.map((b) => b.text.text)).toEqual(['Review #1', 'Review #2', 'Review #3', 'Review #4', 'Review #5', 'Next']);

    const second = await press('U1', buttons.at(-1)!);
    expect(second.response_type).toBe('ephemeral');
    expect(second.replace_original).toBe(false);
    const secondText = blockText(second.blocks);
    expect(secondText).toContain('Archive · page 2');
    expect(secondText).toContain(`2026-11-02 · Deep learning · mid · <https://study.example/archives/C1/p${ts[1]}|open the thread>`);
    expect(secondText).toContain('2026-11-01 · Fundamentals · junior');
    const prev = buttonsIn(second.blocks).find((b) => b.text.text === 'Prev')!;
    expect(buttonsIn(second.blocks).some((b) => b.text.text === 'Next')).toBe(false);
    expect(blockText((await press('U1', prev)).blocks)).toBe(first);

    const review = buttons.find((b) => b.text.text === 'Review #1')!;
    expect((await press('U1', review)).text).toContain(
      'Added to your review cards, due now: “Why does dropout help a deep network generalise?”',
    );
    expect((await press('U1', review)).text).toContain('It is in your review cards already');
    const cards = await h.database.store.db.selectFrom('review_cards').select(['member_id', 'question_id']).execute();
    expect(cards).toEqual([{ member_id: 'slack:T1:U1', question_id: 'q-dropout' }]);
  });
});
