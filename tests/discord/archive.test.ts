import { afterEach, describe, expect, it } from 'vitest';
import { addArchiveQuestions, addDailyRounds } from '../helpers/archive-rounds.ts';
import { createDiscordHarness, type DiscordHarness } from '../helpers/discord-harness.ts';
import { CHANNEL, GUILD } from '../helpers/fake-discord.ts';
import { DEFAULTS } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';

const U1 = '900000000000000051';
const EPHEMERAL = 64;

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Reply {
  type: number;
  data: {
    flags?: number;
    embeds?: { title?: string; description?: string }[];
    components?: { components: { label: string; custom_id: string }[] }[];
  };
}
const textOf = (r: Reply) => (r.data.embeds ?? []).map((e) => [e.title, e.description].filter(Boolean).join('\n')).join('\n');
const buttonsOf = (r: Reply) => (r.data.components ?? []).flatMap((row) => row.components);

async function answer(id: string): Promise<Reply> {
  const first = await waitFor(() => h!.discord.answers(id)[0]);
  return first.body as unknown as Reply;
}

describe('the archive in Discord', () => {
  it('answers privately with message links, pages with Next and Prev buttons, and adds a question to review', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    await addArchiveQuestions(h.database.store.db);
    const channelId = `discord:${GUILD}:${CHANNEL}`;
    await h.mlq.ensureChannel({ ...DEFAULTS, id: channelId, communityId: `discord:${GUILD}`, name: 'study' });
    await addDailyRounds(h.database.store.db, channelId, ['q-overfit', 'q-dropout', 'q-drift', 'q-pvalue', 'q-imbalance', 'q-overfit'], {
      first: '2026-11-01',
      messageId: (n) => `${channelId}:9100000000000000${n}`,
    });

    const first = await answer(h.discord.command(U1, 'archive'));
    expect(first.data.flags).toBe(EPHEMERAL);
    const shown = textOf(first);
    expect(shown).toContain('Archive');
    expect(shown).toContain(
      `-# 2026-11-06 · Fundamentals · junior · [open the thread](https://discord.com/channels/${GUILD}/${CHANNEL}/91000000000000005)`,
    );
    expect(shown).not.toContain('2026-11-01');
    const buttons = buttonsOf(first);
    expect(buttons.map((b) => b.label)).toEqual(['Review #1', 'Review #2', 'Review #3', 'Review #4', 'Review #5', 'Next']);
    for (const b of buttons) expect(b.custom_id.length).toBeLessThanOrEqual(100);

    const second = await answer(h.discord.button(U1, buttons.at(-1)!.custom_id, '1'));
    expect(second.data.flags).toBe(EPHEMERAL);
    expect(textOf(second)).toContain('Archive · page 2');
    expect(textOf(second)).toContain(
      `-# 2026-11-01 · Fundamentals · junior · [open the thread](https://discord.com/channels/${GUILD}/${CHANNEL}/91000000000000000)`,
    );
    expect(buttonsOf(second).map((b) => b.label)).toEqual(['Review #6', 'Prev']);
    const back = await answer(h.discord.button(U1, buttonsOf(second)[1]!.custom_id, '1'));
    expect(textOf(back)).toBe(shown);

    const searched = await answer(h.discord.command(U1, 'archive', [{ type: 3, name: 'words', value: 'dropout' }]));
    expect(textOf(searched)).toContain('Archive · “dropout”');
    const review = await answer(h.discord.button(U1, buttonsOf(searched)[0]!.custom_id, '1'));
    expect(review.data).toMatchObject({ flags: EPHEMERAL });
    expect(JSON.stringify(review.data)).toContain('Added to your review cards, due now');
    const cards = await h.database.store.db.selectFrom('review_cards').select(['member_id', 'question_id']).execute();
    expect(cards).toEqual([{ member_id: `discord:${GUILD}:${U1}`, question_id: 'q-dropout' }]);
  });
});
