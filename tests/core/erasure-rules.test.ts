import { describe, expect, it } from 'vitest';
import { FORGET_ACTION, forgetConfirmCard, mayErase } from '../../src/core/erasure.ts';

describe('who may erase a member', () => {
  it('lets the member themself and an operator listed in MLQ_ADMINS, by full id or platform id, and nobody else', () => {
    expect(mayErase([], 'test:ada', 'test:ada')).toBe(true);
    expect(mayErase([], 'test:bob', 'test:ada')).toBe(false);
    expect(mayErase(['test:op'], 'test:op', 'test:ada')).toBe(true);
    expect(mayErase(['op'], 'test:op', 'test:ada')).toBe(true);
    expect(mayErase(['op'], 'test:bob', 'test:ada')).toBe(false);
  });
});

describe('the confirmation card', () => {
  it('asks the member about their own data, with the button and the typed command', () => {
    expect(forgetConfirmCard('test:ada', true)).toEqual({
      title: 'Erase your data?',
      blocks: [
        {
          type: 'text',
          markdown:
            'This erases your answers, grades, review cards, reminders, points, streaks and name in every channel of this ' +
            'community, at once and for good. Messages in the chat itself stay where they are: delete them there. Press the ' +
            'button, or type `/mlq forget me confirm`.',
        },
        {
          type: 'buttons',
          buttons: [
            { label: 'Erase everything', action: 'forget.confirm', value: 'test:ada', command: '/mlq forget me confirm', style: 'danger' },
          ],
        },
      ],
      fallback:
        'Erase your data?\nThis erases your answers, grades, review cards, reminders, points, streaks and name in every channel of ' +
        'this community, at once and for good. Messages in the chat itself stay where they are: delete them there. Press the ' +
        'button, or type /mlq forget me confirm.',
    });
    expect(FORGET_ACTION).toBe('forget.confirm');
  });

  it("asks an operator about another member's data, naming the member in the typed command", () => {
    const c = forgetConfirmCard('test:bob', false);
    expect(c.title).toBe('Erase this member’s data?');
    expect(c.blocks[0]).toEqual({
      type: 'text',
      markdown:
        'This erases this member’s answers, grades, review cards, reminders, points, streaks and name in every channel of this ' +
        'community, at once and for good. Messages in the chat itself stay where they are: delete them there. Press the ' +
        'button, or type `/mlq forget <@test:bob> confirm`.',
    });
    expect(c.blocks[1]).toEqual({
      type: 'buttons',
      buttons: [
        {
          label: 'Erase everything',
          action: 'forget.confirm',
          value: 'test:bob',
          command: '/mlq forget <@test:bob> confirm',
          style: 'danger',
        },
      ],
    });
  });
});
