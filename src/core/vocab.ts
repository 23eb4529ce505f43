import { CATEGORIES, type Category, LEVELS, type Level, type Weekday } from './types.ts';

const CATEGORY_ALIASES: Record<string, Category> = {
  fundamental: 'fundamentals',
  basics: 'fundamentals',
  stats: 'statistics',
  stat: 'statistics',
  probability: 'statistics',
  prob: 'statistics',
  eval: 'evaluation',
  metrics: 'evaluation',
  feature: 'features',
  'feature-engineering': 'features',
  data: 'features',
  dl: 'deep-learning',
  deep: 'deep-learning',
  deeplearning: 'deep-learning',
  'neural-networks': 'deep-learning',
  production: 'mlops',
  ops: 'mlops',
  prod: 'mlops',
  design: 'system-design',
  system: 'system-design',
  systems: 'system-design',
  sysdesign: 'system-design',
  case: 'case-studies',
  cases: 'case-studies',
  'case-study': 'case-studies',
  applied: 'case-studies',
  behavioral: 'behavioural',
  behaviour: 'behavioural',
  behavior: 'behavioural',
  communication: 'behavioural',
  code: 'coding',
  'ml-coding': 'coding',
  'coding-round': 'coding',
  'coding-interview': 'coding',
  'live-coding': 'coding',
  programming: 'coding',
};

/** Two-word names of categories, written with a space: "coding round", "case study", "system design". */
const PHRASES = new Set([...Object.keys(CATEGORY_ALIASES), ...CATEGORIES].filter((w) => w.includes('-')).map((w) => w.replace('-', ' ')));

/** Joins each two-word category name in `words` into the one word its alias is, so `ask coding round senior` reads as category and level. */
export function joinCategoryPhrases(words: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1]}`.toLowerCase();
    if (i + 1 < words.length && PHRASES.has(pair)) {
      joined.push(pair.replace(' ', '-'));
      i++;
    } else joined.push(words[i]!);
  }
  return joined;
}

const LEVEL_ALIASES: Record<string, Level> = {
  jr: 'junior',
  entry: 'junior',
  beginner: 'junior',
  middle: 'mid',
  'mid-level': 'mid',
  intermediate: 'mid',
  sr: 'senior',
  staff: 'senior',
  advanced: 'senior',
};

export function resolveCategory(word: string): Category | null {
  const w = word.toLowerCase();
  return (CATEGORIES as readonly string[]).includes(w) ? (w as Category) : (CATEGORY_ALIASES[w] ?? null);
}

export function resolveLevel(word: string): Level | null {
  const w = word.toLowerCase();
  return (LEVELS as readonly string[]).includes(w) ? (w as Level) : (LEVEL_ALIASES[w] ?? null);
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Parses "mon-fri", "weekdays", "daily", "mon,wed,fri" or "sat sun" into ISO weekdays; null when it cannot. */
export function resolveWeekdays(input: string): Weekday[] | null {
  const text = input.toLowerCase().trim();
  if (['daily', 'everyday', 'every-day', 'all', 'every day'].includes(text)) return [1, 2, 3, 4, 5, 6, 7];
  if (['weekdays', 'workdays'].includes(text)) return [1, 2, 3, 4, 5];
  if (text === 'weekends' || text === 'weekend') return [6, 7];
  const days = new Set<Weekday>();
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const range = part.split('-');
    const index = (name: string) => DAY_NAMES.findIndex((d) => name.startsWith(d) && name.length <= 9);
    if (range.length === 2) {
      const from = index(range[0]!);
      const to = index(range[1]!);
      if (from < 0 || to < 0) return null;
      for (let i = from; ; i = (i + 1) % 7) {
        days.add((i + 1) as Weekday);
        if (i === to) break;
      }
    } else {
      const at = index(part);
      if (at < 0) return null;
      days.add((at + 1) as Weekday);
    }
  }
  return days.size ? [...days].sort((a, b) => a - b) : null;
}

export function formatWeekdays(days: Weekday[]): string {
  const key = [...days].sort((a, b) => a - b).join(',');
  if (key === '1,2,3,4,5,6,7') return 'every day';
  if (key === '1,2,3,4,5') return 'Monday to Friday';
  return days.map((d) => DAY_NAMES[d - 1]).join(', ');
}
