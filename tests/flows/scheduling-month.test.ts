import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { expected, keyed, settings, simulate, subscribe } from '../helpers/schedule-model.ts';

/** The mutation suite (vitest.mutation.config.ts) leaves this long simulation out: it would run for every mutant it covers. */
const MUTATION = process.env.MLQ_MUTATION === '1';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('rounds on time, exactly once, over two weeks', () => {
  it.skipIf(MUTATION)(
    'gives 50 channels in mixed zones exactly one post and one reveal per scheduled round and one digest a week over 14 days',
    async () => {
      const from = new Date('2026-11-30T00:00:00Z');
      const to = new Date('2026-12-14T00:00:00Z');
      h = await createHarness(from);
      const all = await Promise.all(Array.from({ length: 50 }, (_, i) => subscribe(h!, `test:sim:${i}`, settings(i), from)));
      await simulate([h.mlq], h.clock, from, to, 60);
      for (const channel of all) {
        const want = expected(channel, from, to);
        const posts = keyed(h.port, 'mlq-round-', 'post').filter((s) => s.target === channel.id);
        const rounds = await h.database.store.db
          .selectFrom('rounds')
          .select(['local_date', 'status'])
          .where('channel_id', '=', channel.id)
          .orderBy('local_date')
          .execute();
        expect(
          rounds.map((r) => r.local_date),
          channel.id,
        ).toEqual(want.posts);
        expect(posts, channel.id).toHaveLength(want.posts.length);
        expect(
          rounds.filter((r) => r.status === 'revealed'),
          channel.id,
        ).toHaveLength(want.reveals);
        expect(
          keyed(h.port, 'mlq-digest-', 'post').filter((s) => s.target === channel.id),
          channel.id,
        ).toHaveLength(want.digests);
      }
      const count = (kind: 'post' | 'reply', prefix: string, id: string) =>
        keyed(h!.port, prefix, kind).filter((s) => s.target === id).length;
      const everyDay = ['2026-11-30', ...Array.from({ length: 13 }, (_, d) => `2026-12-${String(d + 1).padStart(2, '0')}`)];
      expect(expected(all[0]!, from, to)).toEqual({ posts: everyDay, reveals: 14, digests: 2 });
      expect([count('post', 'mlq-round-', 'test:sim:0'), count('post', 'mlq-digest-', 'test:sim:0')]).toEqual([14, 2]);
      expect([count('post', 'mlq-round-', 'test:sim:1'), count('post', 'mlq-digest-', 'test:sim:1')]).toEqual([10, 2]);
      expect(keyed(h.port, 'mlq-round-', 'post')).toHaveLength(583);
      const revealKeys = keyed(h.port, 'mlq-reveal-', 'reply').map((s) => s.key);
      expect(new Set(revealKeys).size).toBe(revealKeys.length);
    },
    240_000,
  );
});
