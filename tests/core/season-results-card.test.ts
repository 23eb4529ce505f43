import { describe, expect, it } from 'vitest';
import { forgetConfirmCard } from '../../src/core/erasure.ts';
import type { Card } from '../../src/core/message.ts';
import { seasonResultsCard } from '../../src/core/season-results.ts';

/** The card's title and blocks as plain text, bold marks removed. */
const cardText = (card: Card): string =>
  [card.title, ...card.blocks.map((b) => ('markdown' in b ? b.markdown : 'items' in b ? b.items.join('\n') : ''))]
    .join('\n')
    .replace(/\*\*/g, '');

const row = (name: string, points: number, rank: number) => ({ memberId: `test:${name}`, name, points, rank });

describe('the season results post', () => {
  it('names only the first rank as champion, lists the top and says nothing about a role it was not asked for', () => {
    const data = { top: [row('ada', 30, 1), row('bob', 20, 2), row('cy', 20, 2)], answers: 7, previousChampions: [] };
    const shown = seasonResultsCard('q:2026-Q4', data, null);
    expect(shown.title).toBe('Season results · Q4 2026 (October to December)');
    expect(shown.blocks).toEqual([
      { type: 'text', markdown: '🏆 Champion: **ada** with 30 pts. 7 answers this season. A fresh board starts now.' },
      { type: 'list', items: ['🥇 **ada** · 30 pts', '🥈 **bob** · 20 pts', '🥈 **cy** · 20 pts'], ordered: false, title: undefined },
    ]);
    expect(shown.fallback).toBe('Season results · Q4 2026 (October to December): champion ada, 7 answers this season.');
  });

  it('shares the title between tied champions and says what became of the role', () => {
    const data = { top: [row('ada', 10, 1), row('bob', 10, 1)], answers: 1, previousChampions: [] };
    const done = seasonResultsCard('m:2026-11', data, 'done');
    expect(cardText(done)).toContain('🏆 Champion: ada and bob with 10 pts. 1 answer this season.');
    expect(done.fallback).toBe('Season results · November 2026: champion ada and bob, 1 answer this season.');
    expect(done.blocks.at(-1)).toEqual({ type: 'context', markdown: 'The champion role has moved to this season’s champion.' });
    expect(cardText(seasonResultsCard('m:2026-11', data, 'no-role'))).toContain('the configured role no longer exists');
  });
});

describe('the season results post without points or with a refused role', () => {
  it('says there were no points, counting the answers, and names no champion', () => {
    const none = seasonResultsCard('m:2026-11', { top: [], answers: 0, previousChampions: [] }, 'done');
    expect(none).toEqual({
      title: 'Season results · November 2026',
      blocks: [{ type: 'text', markdown: 'No points this season. 0 answers this season. A fresh board starts now.' }],
      fallback: 'Season results · November 2026\nNo points this season. 0 answers this season. A fresh board starts now.',
    });
    expect(cardText(seasonResultsCard('m:2026-11', { top: [], answers: 1, previousChampions: [] }, null))).toContain(
      'No points this season. 1 answer this season.',
    );
  });

  it('says why the role was not given when the permission is missing', () => {
    const data = { top: [row('ada', 10, 1)], answers: 2, previousChampions: [] };
    expect(seasonResultsCard('m:2026-11', data, 'no-permission').blocks.at(-1)).toEqual({
      type: 'context',
      markdown: 'The champion role was not given: mlq needs the Manage Roles permission (and a role above the champion role).',
    });
    expect(seasonResultsCard('m:2026-11', data, 'no-role').blocks.at(-1)).toEqual({
      type: 'context',
      markdown: 'The champion role was not given: the configured role no longer exists (`/mlq config champion-role off` to stop).',
    });
    expect(seasonResultsCard('m:2026-11', data, null).blocks).toHaveLength(2);
  });
});

describe('the erasure confirmation', () => {
  it('asks a member about their own data, and an operator about someone else’s, with the typed command for each', () => {
    const own = forgetConfirmCard('test:ada', true);
    expect(own.title).toBe('Erase your data?');
    expect(cardText(own)).toContain(
      'This erases your answers, grades, review cards, reminders, points, streaks and name in every channel of this community, at once and for good. ' +
        'Messages in the chat itself stay where they are: delete them there. Press the button, or type `/mlq forget me confirm`.',
    );
    const other = forgetConfirmCard('test:bob', false);
    expect(other.title).toBe('Erase this member’s data?');
    expect(cardText(other)).toContain('This erases this member’s answers,');
    expect(cardText(other)).toContain('type `/mlq forget <@test:bob> confirm`.');
  });
});
