import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandReply } from '../../src/core/commands/spec.ts';
import { command, createHarness, type Harness, member } from '../helpers/harness.ts';

const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');

let h: Harness;
let n = 0;
let CH = '';

beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  h.clock.set(new Date('2026-11-23T08:00:00Z'));
  CH = `test:T1:K${++n}`;
  await command(h, CH, admin, '/mlq start');
});

const config = (line: string, who = admin) => command(h, CH, who, `/mlq config ${line}`.trim());
const sentence = (r: CommandReply) => (r.card.blocks[0] && 'markdown' in r.card.blocks[0] ? r.card.blocks[0].markdown : '');
const shown = (r: CommandReply) => {
  const block = r.card.blocks[0];
  return block?.type === 'fields' ? Object.fromEntries(block.fields.map((f) => [f.label, f.value])) : {};
};
const footer = (r: CommandReply) => {
  const block = r.card.blocks.at(-1);
  return block && 'markdown' in block ? block.markdown : '';
};
const channelRow = () => h.database.store.db.selectFrom('channels').selectAll().where('id', '=', CH).executeTakeFirstOrThrow();

describe('/mlq config shows the settings', () => {
  it('lists every setting with its value and the next post, privately', async () => {
    const reply = await config('');
    expect(reply.visibility).toBe('private');
    expect(reply.card.title).toBe('Channel settings');
    expect(shown(reply)).toEqual({
      time: '09:00',
      timezone: 'UTC',
      days: 'Monday to Friday',
      reveal: '6h after the post',
      digest: 'Fri 16:00',
      ramp: 'off',
      'min-words': '12 words',
      categories: 'all',
      levels: 'all',
    });
    expect(footer(reply)).toBe(
      'Next question: Tue 24 Nov 09:00 (UTC). Change one with `/mlq config <setting> <value>`, for example `/mlq config time 09:30`.',
    );
  });

  it('is for organisers only', async () => {
    expect(sentence(await config('time 10:00', ada))).toBe(
      "`/mlq config [time|timezone|days|reveal|digest|ramp|min-words|categories|levels <value>]` is for the channel's organisers " +
        '(workspace admins, whoever ran `/mlq start`, and MLQ_ADMINS).',
    );
    expect((await channelRow()).post_time).toBe('09:00');
  });

  it('says the paused channel plans nothing, and a due post is posted within a minute', async () => {
    await command(h, CH, admin, '/mlq stop');
    expect(footer(await config(''))).toMatch(/^The channel is paused: no question is planned until `\/mlq start`\. /);
    await command(h, CH, admin, '/mlq start');
    h.clock.set(new Date('2026-11-24T09:00:30Z'));
    expect(footer(await config(''))).toMatch(/^The next question is due now and is posted within a minute\. /);
  });
});

describe('/mlq config changes a setting', () => {
  it('saves the time and moves the next post, naming the new value', async () => {
    const reply = await config('time 7:30pm');
    expect(reply.card.title).toBe('Saved: time is now 19:30');
    expect(footer(reply)).toMatch(/^Next question: Tue 24 Nov 19:30 \(UTC\)\. /);
    expect((await channelRow()).next_post_at?.toISOString()).toBe('2026-11-24T19:30:00.000Z');
  });

  it("plans the new zone's next day when its local date is past the last round's, though UTC's is not", async () => {
    h.clock.set(new Date('2026-11-23T12:00:00Z'));
    const reply = await config('timezone Pacific/Auckland');
    expect(reply.card.title).toBe('Saved: timezone is now Pacific/Auckland');
    expect(footer(reply)).toMatch(/^Next question: Tue 24 Nov 09:00 \(Pacific\/Auckland\)\. /);
    expect((await channelRow()).next_post_at?.toISOString()).toBe('2026-11-23T20:00:00.000Z');
  });

  it("plans the day after the last round when the new zone's today has had its round", async () => {
    const reply = await config('timezone America/Los_Angeles');
    expect(footer(reply)).toMatch(/^Next question: Tue 24 Nov 09:00 \(America\/Los_Angeles\)\. /);
    expect((await channelRow()).next_post_at?.toISOString()).toBe('2026-11-24T17:00:00.000Z');
  });

  it('turns the digest on and off, and clears the digest of a paused channel', async () => {
    const on = await config('digest fri 16:00');
    expect(on.card.title).toBe('Saved: digest is now Fri 16:00');
    expect((await channelRow()).next_digest_at?.toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect((await config('digest off')).card.title).toBe('Saved: digest is now off');
    expect((await channelRow()).next_digest_at).toBeNull();
    await config('digest fri 16:00');
    await command(h, CH, admin, '/mlq stop');
    await config('time 10:00');
    const row = await channelRow();
    expect(row.next_digest_at).toBeNull();
    expect(row.next_post_at).toBeNull();
  });

  it('saves categories and levels, and warns when no question matches them', async () => {
    expect((await config('categories coding,statistics')).card.title).toBe('Saved: categories is now coding, statistics');
    expect((await config('levels all')).card.title).toBe('Saved: levels is now all');
    await h.database.store.db
      .updateTable('questions')
      .set({ retired_at: new Date('2026-11-01T00:00:00Z') })
      .where('category', '=', 'coding')
      .execute();
    try {
      const reply = await config('categories coding');
      expect(sentence(reply)).toBe('Saved, but no question in the bank matches these categories and levels.');
      expect((await channelRow()).categories).toEqual(['coding']);
    } finally {
      await h.database.store.db.updateTable('questions').set({ retired_at: null }).where('category', '=', 'coding').execute();
    }
  });
});

describe('/mlq config refuses what it cannot read, with a hint and nothing saved', () => {
  it('names an unknown setting and guesses the meant one', async () => {
    expect(sentence(await config('tme 10:00'))).toBe(
      '`tme` is not a setting (did you mean `time`?); the settings are time, timezone, days, reveal, digest, ramp, min-words, categories, levels. ' +
        'Usage: `/mlq config [time|timezone|days|reveal|digest|ramp|min-words|categories|levels <value>]`.',
    );
    expect(sentence(await config('colour blue'))).toMatch(/^`colour` is not a setting; the settings are time, /);
  });

  it('asks for a value with an example', async () => {
    expect(sentence(await config('reveal'))).toMatch(/^give a value for reveal, for example `\/mlq config reveal 6h`/i);
  });

  it("passes on the setting's own reason", async () => {
    expect(sentence(await config('reveal 2m'))).toMatch(/^the reveal delay must be between 5m and 23h/i);
    expect((await channelRow()).reveal_delay_minutes).toBe(360);
  });
});
