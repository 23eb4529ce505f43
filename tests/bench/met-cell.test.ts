import { describe, expect, it } from 'vitest';
import { metCell, type Row } from '../../bench/lib.ts';

const row = (target: string | undefined, met: boolean | undefined): Row => ({ part: 'p', metric: 'm', value: 1, unit: 'ms', target, met });

describe('the met column of the bench table', () => {
  it('in a quick run, shows n/a (quick) for a threshold target, met or not, and judges exact targets', () => {
    expect(['< 60 s', '< 1 ms', '≥ 0.8', '≤ 1.5', '> 2'].map((t) => metCell(row(t, false), true))).toEqual(Array(5).fill('n/a (quick)'));
    expect(metCell(row('< 50 ms', true), true)).toBe('n/a (quick)');
    expect(metCell(row('all, once', false), true)).toBe('NO');
    expect(metCell(row('0', true), true)).toBe('yes');
    expect(metCell(row('all', true), true)).toBe('yes');
    expect(metCell(row(undefined, undefined), true)).toBe('');
  });

  it('in the full run, judges every target', () => {
    expect(metCell(row('< 60 s', false), false)).toBe('NO');
    expect(metCell(row('≥ 0.8', true), false)).toBe('yes');
    expect(metCell(row('all, once', false), false)).toBe('NO');
    expect(metCell(row(undefined, undefined), false)).toBe('');
  });
});
