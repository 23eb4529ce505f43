import { describe, expect, it } from 'vitest';
import { answersPerLocalDay, heatmapAlt, heatmapRange, heatmapSpec, localToday } from '../../src/charts/heatmap.ts';
import { renderSvg } from '../../src/charts/render-chart.ts';

describe('answers per local day', () => {
  it('counts an answer on the zone’s date, not UTC’s, on both sides of local midnight', async () => {
    const instants = [
      new Date('2026-11-29T14:59:00Z'), // 23:59 on the 29th in Tokyo
      new Date('2026-11-29T15:00:00Z'), // 00:00 on the 30th in Tokyo
      new Date('2026-11-29T15:30:00Z'), // 00:30 on the 30th in Tokyo
    ];
    expect(answersPerLocalDay(instants, 'Asia/Tokyo')).toEqual({ '2026-11-29': 1, '2026-11-30': 2 });
    expect(answersPerLocalDay(instants, 'UTC')).toEqual({ '2026-11-29': 3 });
  });

  it('puts an evening answer in Los Angeles on the previous UTC date', async () => {
    const instants = [new Date('2026-11-30T07:30:00Z'), new Date('2026-11-30T08:00:00Z')];
    expect(answersPerLocalDay(instants, 'America/Los_Angeles')).toEqual({ '2026-11-29': 1, '2026-11-30': 1 });
  });

  it('follows a daylight-saving change (Berlin, 25 October 2026)', async () => {
    const instants = [new Date('2026-10-24T21:59:00Z'), new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T22:59:00Z')];
    expect(answersPerLocalDay(instants, 'Europe/Berlin')).toEqual({ '2026-10-24': 1, '2026-10-25': 2 });
  });
});

describe('the 26-week window', () => {
  it('is today’s date in the zone', async () => {
    const now = new Date('2026-11-29T16:00:00Z');
    expect(localToday(now, 'Asia/Tokyo')).toBe('2026-11-30');
    expect(localToday(now, 'UTC')).toBe('2026-11-29');
    expect(localToday(now, 'America/Los_Angeles')).toBe('2026-11-29');
  });

  it('starts on the Monday 25 weeks before this week’s Monday', async () => {
    expect(heatmapRange('2026-11-30')).toEqual({ from: '2026-06-08', to: '2026-11-30' }); // a Monday
    expect(heatmapRange('2026-11-29')).toEqual({ from: '2026-06-01', to: '2026-11-29' }); // a Sunday
    expect(heatmapRange('2026-12-01')).toEqual({ from: '2026-06-08', to: '2026-12-01' }); // a Tuesday
  });

  it('moves a week earlier when Tokyo is already on Monday and UTC still on Sunday', async () => {
    const now = new Date('2026-11-29T16:00:00Z');
    expect(heatmapRange(localToday(now, 'Asia/Tokyo')).from).toBe('2026-06-08');
    expect(heatmapRange(localToday(now, 'UTC')).from).toBe('2026-06-01');
  });
});

describe('the heatmap chart', () => {
  const counts = { '2026-06-07': 9, '2026-06-08': 1, '2026-07-01': 3, '2026-11-30': 2 };

  it('has one cell per day of the window, the days outside left out', async () => {
    const spec = heatmapSpec({ who: 'Ada', today: '2026-11-30', counts });
    const series = (spec.option.series as { data: [string, number][] }[])[0]!;
    expect(series.data).toHaveLength(176);
    expect(series.data[0]).toEqual(['2026-06-08', 1]);
    expect(series.data[1]).toEqual(['2026-06-09', 0]);
    expect(series.data.at(-1)).toEqual(['2026-11-30', 2]);
    expect(series.data.find(([day]) => day === '2026-06-07')).toBeUndefined();
    expect(spec.width).toBe(720);
    expect(spec.height).toBe(210);
  });

  it('writes its alt text from the window only', async () => {
    expect(heatmapAlt({ who: 'Ada', today: '2026-11-30', counts })).toBe(
      'Activity heatmap of Ada from 2026-06-08 to 2026-11-30: 6 answers on 3 days, the busiest 2026-07-01 with 3 answers.',
    );
    expect(heatmapAlt({ who: 'Ada', today: '2026-11-30', counts: { '2026-06-08': 1 } })).toBe(
      'Activity heatmap of Ada from 2026-06-08 to 2026-11-30: 1 answer on 1 day, the busiest 2026-06-08 with 1 answer.',
    );
    expect(heatmapAlt({ who: '#ml-study', today: '2026-11-30', counts: { '2026-06-07': 4 } })).toBe(
      'Activity heatmap of #ml-study from 2026-06-08 to 2026-11-30: no answers yet.',
    );
  });

  it('names the earliest of equally busy days', async () => {
    expect(heatmapAlt({ who: 'Ada', today: '2026-11-30', counts: { '2026-09-02': 2, '2026-08-01': 2, '2026-10-01': 1 } })).toBe(
      'Activity heatmap of Ada from 2026-06-08 to 2026-11-30: 5 answers on 3 days, the busiest 2026-08-01 with 2 answers.',
    );
  });

  it('colours 0 grey and 1, 2, 3, and 4 or more in darker blues', async () => {
    const svg = await renderSvg(
      heatmapSpec({
        who: 'Ada',
        today: '2026-11-30',
        counts: { '2026-06-08': 1, '2026-06-09': 2, '2026-06-10': 3, '2026-06-11': 4, '2026-06-12': 5 },
      }),
    );
    const cell = (index: number) => svg.match(new RegExp(`<path [^>]*fill="([^"]+)"[^>]*ecmeta_data_index="${index}"`))?.[1];
    expect([0, 1, 2, 3, 4, 5].map(cell)).toEqual(['#9cc6f5', '#5aa2ee', '#2f7fd6', '#1f5fae', '#1f5fae', 'rgb(127,136,148)']);
  });

  it('labels months, weekdays (Monday on the top row) and the colour steps', async () => {
    const svg = await renderSvg(heatmapSpec({ who: 'Ada', today: '2026-11-30', counts }));
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual([
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Mon',
      'Wed',
      'Fri',
      'Sun',
      '0',
      '1',
      '2',
      '3',
      '4+',
      'Answers per day, last 26 weeks',
    ]);
    const y = (label: string) => Number(svg.match(new RegExp(`y="([\\d.]+)"[^>]*>${label}<`))?.[1]);
    expect(y('Mon')).toBeLessThan(y('Wed'));
    expect(y('Fri')).toBeLessThan(y('Sun'));
  });
});
