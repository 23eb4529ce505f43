import { describe, expect, it } from 'vitest';
import { masteryAlt, masterySpec } from '../../src/charts/mastery.ts';
import { pointsAlt, pointsSpec } from '../../src/charts/points.ts';
import { renderSvg } from '../../src/charts/render-chart.ts';

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('mastery per category', () => {
  const categories = [
    { label: 'Fundamentals', percent: 80 },
    { label: 'Statistics and probability', percent: 55 },
    { label: 'Deep learning', percent: 20 },
  ];

  it('writes its alt text with the strongest and weakest categories', async () => {
    expect(masteryAlt({ who: 'Ada', categories })).toBe(
      'Mastery by category of Ada across 3 categories: strongest Fundamentals at 80%, weakest Deep learning at 20%.',
    );
    expect(masteryAlt({ who: 'Ada', categories: [{ label: 'ML coding', percent: 40 }] })).toBe(
      'Mastery by category of Ada: ML coding at 40%.',
    );
    expect(masteryAlt({ who: 'Ada', categories: [] })).toBe('Mastery by category of Ada: no self-assessments yet.');
  });

  it('names the first of tied categories', async () => {
    const tied = [
      { label: 'A', percent: 50 },
      { label: 'B', percent: 50 },
    ];
    expect(masteryAlt({ who: 'Ada', categories: tied })).toBe(
      'Mastery by category of Ada across 2 categories: strongest A at 50%, weakest A at 50%.',
    );
  });

  it('keeps per cents within 0 and 100, rounded', async () => {
    const edges = [
      { label: 'below', percent: -1 },
      { label: 'zero', percent: 0 },
      { label: 'top', percent: 100 },
      { label: 'above', percent: 101 },
      { label: 'half', percent: 49.5 },
    ];
    const spec = masterySpec({ who: 'Ada', categories: edges });
    expect((spec.option.series as { data: number[] }[])[0]!.data).toEqual([50, 100, 100, 0, 0]);
    expect(spec.alt).toBe('Mastery by category of Ada across 5 categories: strongest top at 100%, weakest below at 0%.');
  });

  it('lists the categories top to bottom in the given order, each with its per cent', async () => {
    const spec = masterySpec({ who: 'Ada', categories });
    expect(spec.height).toBe(170);
    const svg = await renderSvg(spec);
    expect(texts(svg)).toEqual([
      'Deep learning',
      'Statistics and probability',
      'Fundamentals',
      '20%',
      '55%',
      '80%',
      'Mastery per category (self-assessed)',
    ]);
    const y = (label: string) => Number(svg.match(new RegExp(`translate\\([\\d.]+ ([\\d.]+)\\)[^>]*>${label}<`))?.[1]);
    expect(y('Fundamentals')).toBeGreaterThan(0);
    expect(y('Fundamentals')).toBeLessThan(y('Deep learning'));
  });
});

describe('points against the group median', () => {
  const data = { who: 'Ada', labels: ['W45', 'W46', 'W47'], member: [10, 18, 25], median: [8, 15, 20] };

  it('writes its alt text with the last values and the gap', async () => {
    expect(pointsAlt(data)).toBe(
      'Points of Ada against the group median over 3 periods: 25 at W47 against a median of 20, 5 points ahead.',
    );
    expect(pointsAlt({ ...data, member: [10, 18, 19] })).toBe(
      'Points of Ada against the group median over 3 periods: 19 at W47 against a median of 20, 1 point behind.',
    );
    expect(pointsAlt({ ...data, member: [10, 18, 20] })).toBe(
      'Points of Ada against the group median over 3 periods: 20 at W47 against a median of 20, level with it.',
    );
    expect(pointsAlt({ who: 'Ada', labels: ['W47'], member: [3], median: [1] })).toBe(
      'Points of Ada against the group median over 1 period: 3 at W47 against a median of 1, 2 points ahead.',
    );
    expect(pointsAlt({ who: 'Ada', labels: [], member: [], median: [] })).toBe('Points of Ada against the group median: no points yet.');
  });

  it('labels the periods and both lines, and draws the median dashed', async () => {
    const svg = await renderSvg(pointsSpec(data));
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['W45', 'W46', 'W47', 'Ada', 'Group median', 'Points against the group median', '0', '25']),
    );
    expect(svg).toMatch(/stroke="#d4782a"[^>]*stroke-dasharray/);
    expect(svg).toMatch(/stroke="#3b8eea"/);
  });
});
