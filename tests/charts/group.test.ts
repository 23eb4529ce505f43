import { describe, expect, it } from 'vitest';
import { groupAlt, groupSpec } from '../../src/charts/group.ts';
import { renderChart, renderSvg } from '../../src/charts/render-chart.ts';

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

const week = {
  channel: '#ml-study',
  period: 'week of 23 Nov',
  rounds: [
    { label: 'Mon 23', answers: 8 },
    { label: 'Tue 24', answers: 12 },
    { label: 'Wed 25', answers: 12 },
    { label: 'Fri 27', answers: 0 },
  ],
  categories: [
    { label: 'Deep learning', answers: 12 },
    { label: 'ML coding', answers: 0 },
    { label: 'Statistics and probability', answers: 20 },
  ],
};

describe('the digest’s group chart', () => {
  it('writes its alt text with the totals, the busiest round and the top category', async () => {
    expect(groupAlt(week)).toBe(
      'Answers in #ml-study, week of 23 Nov: 4 rounds with 32 answers, the most on Tue 24 (12); most answered category Statistics and probability (20 of 32).',
    );
    expect(groupAlt({ ...week, rounds: [{ label: 'Mon 23', answers: 1 }], categories: [] })).toBe(
      'Answers in #ml-study, week of 23 Nov: 1 round with 1 answer, the most on Mon 23 (1).',
    );
    expect(groupAlt({ ...week, rounds: [{ label: 'Mon 23', answers: 0 }] })).toBe(
      'Answers in #ml-study, week of 23 Nov: 1 round, no answers.',
    );
  });

  it('draws every round in order and the answered categories largest on top', async () => {
    const spec = groupSpec(week);
    const [rounds, mix] = spec.option.series as { data: number[] }[];
    expect(rounds!.data).toEqual([8, 12, 12, 0]);
    expect(mix!.data).toEqual([12, 20]); // bottom to top
    expect(texts(await renderSvg(spec))).toEqual(
      expect.arrayContaining(['Mon 23', 'Tue 24', 'Wed 25', 'Fri 27', 'Deep learning', 'Statistics and pr…', 'Category mix']),
    );
  });

  it('cuts category labels longer than 18 characters', async () => {
    const labels = (label: string) => {
      const spec = groupSpec({ ...week, categories: [{ label, answers: 1 }] });
      return (spec.option.yAxis as { data?: string[] }[])[1]!.data;
    };
    expect(labels('Exactly eighteen c')).toEqual(['Exactly eighteen c']); // 18
    expect(labels('Exactly seventeen')).toEqual(['Exactly seventeen']); // 17
    expect(labels('Nineteen characters')).toEqual(['Nineteen characte…']); // 19
  });

  it('renders to a 1080 × 480 PNG', async () => {
    const png = (await renderChart(groupSpec(week))).png;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 480]);
  });
});
