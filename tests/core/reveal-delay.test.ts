import { describe, expect, it } from 'vitest';
import { findSetting } from '../../src/core/commands/config-settings.ts';

const reveal = (value: string) => findSetting('reveal')!.value.safeParse(value);

describe('the reveal delay is 5 minutes to 23 hours', () => {
  it('refuses 4 minutes and takes 5', () => {
    expect(reveal('4m').success).toBe(false);
    expect(reveal('4m').error?.issues[0]?.message).toBe('the reveal delay must be between 5m and 23h');
    expect(reveal('5m')).toMatchObject({ success: true, data: { revealDelayMinutes: 5, revealTime: null } });
    expect(reveal('6m')).toMatchObject({ success: true, data: { revealDelayMinutes: 6 } });
  });

  it('takes 22h59m and 23 hours and refuses 23h1m', () => {
    expect(reveal('22h59m')).toMatchObject({ success: true, data: { revealDelayMinutes: 1379 } });
    expect(reveal('23h')).toMatchObject({ success: true, data: { revealDelayMinutes: 1380 } });
    expect(reveal('23h1m').success).toBe(false);
    expect(reveal('24h').success).toBe(false);
  });

  it('takes a fixed time instead of a delay', () => {
    expect(reveal('at 17:00')).toMatchObject({ success: true, data: { revealTime: '17:00' } });
  });
});
