import { type Pairing, type PairMember, type PastCycle, pairMembers } from '../../src/core/pairing.ts';
import { hoursApart, offsetAt } from '../../src/core/pairing-cost.ts';
import { addDays } from '../../src/core/schedule.ts';
import { LEVELS } from '../../src/core/types.ts';
import { percentile, progress, type Row } from '../lib.ts';

const ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Kyiv',
  'Africa/Lagos',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];
const CYCLES = 20;
const RUNS = 5;

/** A channel of `count` members (count even) in 15 zones and 3 levels, seeded. */
function channel(count: number): PairMember[] {
  let state = 20_261_130;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: count }, (_, i) => ({
    id: `bench:u${i}`,
    timezone: ZONES[Math.floor(random() * ZONES.length)]!,
    level: LEVELS[Math.floor(random() * LEVELS.length)]!,
    snoozedUntil: null,
  }));
}

/**
 * Weekly cycles before `date`: rounds 1..CYCLES of a round-robin (circle method) over a shuffled order, so each
 * member has met 20 partners and round 21 proves a repeat-free pairing still exists.
 */
function history(members: PairMember[], date: string): PastCycle[] {
  let state = 7;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const ids = members.map((m) => m.id);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const ring = ids.length - 1;
  return Array.from({ length: CYCLES }, (_, round) => {
    const groups = [[ids[round]!, ids[ring]!]];
    for (let k = 1; k < ids.length / 2; k++) groups.push([ids[(round + k) % ring]!, ids[(round - k + ring) % ring]!]);
    return { date: addDays(date, -7 * (CYCLES - round)), groups, unmatched: [] };
  });
}

/** The pairing rule alone (pure, no database): one weekly cycle of a large channel with 20 cycles of history. */
export async function pairs(_baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const count = quick ? 1000 : 10_000;
  const date = '2026-11-30';
  const members = channel(count);
  const past = history(members, date);
  progress(`pairs: ${count} members, ${CYCLES} cycles of history, ${RUNS} runs`);
  const times: number[] = [];
  let result: Pairing | undefined;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = pairMembers({ date, members, history: past });
    times.push(performance.now() - started);
  }
  if (!result) throw new Error('no run');
  const placed = result.groups.flatMap((g) => g.members);
  const once = placed.length === count && new Set(placed).size === count;
  const slowest = Math.max(...times);
  const byId = new Map(members.map((m) => [m.id, m]));
  const offsets = new Map(ZONES.map((zone) => [zone, offsetAt(date, zone)]));
  const hours = (a: string, b: string) => hoursApart(offsets.get(byId.get(a)!.timezone)!, offsets.get(byId.get(b)!.timezone)!);
  const close = result.groups.filter((g) => hours(g.members[0]!, g.members[1]!) < 2).length / result.groups.length;
  const sameLevel = result.groups.filter((g) => byId.get(g.members[0]!)!.level === byId.get(g.members[1]!)!.level).length;
  return [
    {
      part: 'pairs',
      metric: `members placed in exactly one group (of ${count})`,
      value: once ? count : 0,
      unit: '',
      target: 'all',
      met: once,
    },
    {
      part: 'pairs',
      metric: 'repeat partners (a repeat-free pairing exists)',
      value: result.repeats,
      unit: 'pairs',
      target: '0',
      met: result.repeats === 0,
    },
    { part: 'pairs', metric: 'pairs whose members are under 2 h apart on the cycle date', value: close, unit: 'of pairs' },
    { part: 'pairs', metric: 'pairs of the same level', value: sameLevel / result.groups.length, unit: 'of pairs' },
    {
      part: 'pairs',
      metric: `time to match ${count} members, ${CYCLES} cycles of history, p50 of ${RUNS}`,
      value: percentile(times, 50),
      unit: 'ms',
    },
    {
      part: 'pairs',
      metric: `time to match, slowest of ${RUNS} (the first, cold, included)`,
      value: slowest,
      unit: 'ms',
      target: '< 1000 ms',
      met: slowest < 1000,
    },
  ];
}
