import { describe, expect, it } from 'vitest';
import { dayMonth, groupRequest, heatmapFrom } from '../../src/core/chart-data.ts';

describe('chart dates', () => {
  it('writes a date as day and month, without a leading zero', () => {
    expect(dayMonth('2026-01-05')).toBe('5 Jan');
    expect(dayMonth('2026-11-23')).toBe('23 Nov');
    expect(dayMonth('2026-12-31')).toBe('31 Dec');
  });

  it('starts the heatmap on the Monday 25 weeks before the current week’s', () => {
    expect(heatmapFrom('2026-11-23')).toBe('2026-06-01');
    expect(heatmapFrom('2026-11-29')).toBe('2026-06-01');
    expect(heatmapFrom('2026-11-30')).toBe('2026-06-08');
  });
});

describe('the digest’s group chart request', () => {
  it('labels rounds by weekday and day, and sums categories, most answered first and by name among equals', () => {
    const rounds = [
      { localDate: '2026-11-30', category: 'statistics' as const, answers: 2 },
      { localDate: '2026-12-01', category: 'evaluation' as const, answers: 3 },
      { localDate: '2026-12-02', category: 'statistics' as const, answers: 1 },
      { localDate: '2026-12-03', category: 'coding' as const, answers: 3 },
      { localDate: '2026-12-06', category: 'fundamentals' as const, answers: 0 },
    ];
    expect(groupRequest('ml-study', '2026-11-30', rounds)).toEqual({
      kind: 'group',
      channel: '#ml-study',
      period: 'week of 30 Nov',
      rounds: [
        { label: 'Mon 30', answers: 2 },
        { label: 'Tue 1', answers: 3 },
        { label: 'Wed 2', answers: 1 },
        { label: 'Thu 3', answers: 3 },
        { label: 'Sun 6', answers: 0 },
      ],
      categories: [
        { label: 'ML coding', answers: 3 },
        { label: 'Model evaluation', answers: 3 },
        { label: 'Statistics and probability', answers: 3 },
        { label: 'Fundamentals', answers: 0 },
      ],
    });
  });
});
