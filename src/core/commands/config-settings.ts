import { z } from 'zod';
import { isValidTimezone } from '../schedule.ts';
import { DEFAULT_SEASON } from '../seasons.ts';
import { DEFAULT_MIN_WORDS, MIN_WORDS_RANGE } from '../substance.ts';
import { CATEGORIES, type ChannelSettings, LEVELS } from '../types.ts';
import { formatWeekdays, resolveCategory, resolveLevel, resolveWeekdays } from '../vocab.ts';

export interface SettingSpec {
  name: string;
  aliases: string[];
  example: string;
  show(settings: ChannelSettings): string;
  /** Parses the setting's value (the rest of the command line) into a change of settings. */
  value: z.ZodType<Partial<ChannelSettings>, string>;
}

const fail = (ctx: z.RefinementCtx, message: string) => {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

/** Reads "09:30", "9:30", "9am" or "5:30pm" as a 24-hour HH:MM time. */
export function parseTime(input: string): string | null {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(input.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (m[3]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[3].toLowerCase() === 'pm' ? 12 : 0);
  } else if (m[2] === undefined) return null;
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Reads "6h", "90m", "1h30m" or "45 min" as minutes. */
export function parseDuration(input: string): number | null {
  const m = /^(?:(\d{1,2})\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,4})\s*m(?:in(?:utes?)?)?)?$/i.exec(input.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

function zoneSuggestion(input: string): string | null {
  const wanted = input.toLowerCase().replace(/\s+/g, '_');
  return Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase().endsWith(`/${wanted}`)) ?? null;
}

const MIN_WORDS_HINT = `give a whole number from ${MIN_WORDS_RANGE.min} to ${MIN_WORDS_RANGE.max}, for example 12 (0 or off turns the bar off)`;

const showMinWords = (n: number) => (n === 0 ? 'off (any reply counts)' : `${n} words`);

/** Reads "12", "12 words" or "off" (0) as the words a reply needs to count; null outside MIN_WORDS_RANGE. */
export function parseMinWords(input: string): number | null {
  const v = input.trim();
  if (/^(off|none|no)$/i.test(v)) return 0;
  const m = /^(\d{1,4})(?:\s*words?)?$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= MIN_WORDS_RANGE.min && n <= MIN_WORDS_RANGE.max ? n : null;
}

const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const fmtDelay = (m: number) => (m % 60 === 0 ? `${m / 60}h` : m > 60 ? `${Math.floor(m / 60)}h${m % 60}m` : `${m}m`);

/** A comma- or space-separated list of known words, or `all` (an empty list, meaning no restriction). */
function listOf<T>(
  resolve: (word: string) => T | null,
  what: string,
  choices: readonly string[],
  toChange: (values: T[]) => Partial<ChannelSettings>,
) {
  return z.string().transform((v, ctx) => {
    if (v.toLowerCase() === 'all') return toChange([]);
    const words = v.split(/[\s,]+/).filter(Boolean);
    const values: T[] = [];
    for (const word of words) {
      const value = resolve(word);
      if (value === null) return fail(ctx, `\`${word.slice(0, 30)}\` is not a ${what}; choose from ${choices.join(', ')} or all`);
      if (!values.includes(value)) values.push(value);
    }
    return toChange(values);
  });
}

export const SETTINGS: SettingSpec[] = [
  {
    name: 'time',
    aliases: ['post-time', 'at', 'hour'],
    example: '09:30',
    show: (s) => s.postTime,
    value: z.string().transform((v, ctx) => {
      const time = parseTime(v);
      return time ? { postTime: time } : fail(ctx, `\`${v.slice(0, 20)}\` is not a time; write it like 09:30 or 9am`);
    }),
  },
  {
    name: 'timezone',
    aliases: ['tz', 'zone'],
    example: 'Europe/Berlin',
    show: (s) => s.timezone,
    value: z.string().transform((v, ctx) => {
      if (/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$|^UTC$/.test(v) && isValidTimezone(v)) return { timezone: v };
      const hint = zoneSuggestion(v);
      return fail(ctx, `\`${v.slice(0, 40)}\` is not a time zone; use an IANA name such as ${hint ?? 'Europe/Berlin or America/New_York'}`);
    }),
  },
  {
    name: 'days',
    aliases: ['weekdays', 'day'],
    example: 'mon-fri',
    show: (s) => formatWeekdays(s.weekdays),
    value: z.string().transform((v, ctx) => {
      const days = resolveWeekdays(v);
      return days ? { weekdays: days } : fail(ctx, `\`${v.slice(0, 40)}\` is not a set of days; try mon-fri, daily or mon,wed,fri`);
    }),
  },
  {
    name: 'reveal',
    aliases: ['delay', 'reveal-delay'],
    example: '6h',
    show: (s) => (s.revealTime ? `at ${s.revealTime}` : `${fmtDelay(s.revealDelayMinutes)} after the post`),
    value: z.string().transform((v, ctx) => {
      const at = parseTime(v.replace(/^at\s+/i, ''));
      if (at) return { revealTime: at };
      const minutes = parseDuration(v);
      if (minutes === null) return fail(ctx, `\`${v.slice(0, 20)}\` is not a delay or a time; write it like 6h, 90m or at 17:00`);
      if (minutes < 5 || minutes > 23 * 60) return fail(ctx, 'the reveal delay must be between 5m and 23h');
      return { revealDelayMinutes: minutes, revealTime: null };
    }),
  },
  {
    name: 'digest',
    aliases: ['weekly'],
    example: 'fri 16:00',
    show: (s) => (s.digestWeekday ? `${DAY_LABELS[s.digestWeekday - 1]} ${s.digestTime ?? '16:00'}` : 'off'),
    value: z.string().transform((v, ctx) => {
      if (/^(off|none|no)$/i.test(v.trim())) return { digestWeekday: null };
      const [day = '', ...time] = v.trim().split(/\s+/);
      const days = resolveWeekdays(day);
      const at = time.length ? parseTime(time.join(' ')) : '16:00';
      if (days?.length !== 1 || !at) return fail(ctx, `\`${v.slice(0, 30)}\` is not a digest time; write it like fri 16:00, or off`);
      return { digestWeekday: days[0]!, digestTime: at };
    }),
  },
  {
    name: 'pairs',
    aliases: ['pairing', 'mock-pairs'],
    example: 'mon 09:00',
    show: (s) =>
      s.pairsWeekday
        ? `${DAY_LABELS[s.pairsWeekday - 1]} ${s.pairsTime ?? '09:00'} ${s.pairsEveryWeeks === 2 ? 'every two weeks' : 'weekly'}`
        : 'off',
    value: z.string().transform((v, ctx) => {
      if (/^(off|none|no)$/i.test(v.trim())) return { pairsWeekday: null };
      const [day = '', ...rest] = v.trim().split(/\s+/);
      const every = rest.at(-1)?.toLowerCase();
      const cadence = every === 'biweekly' || every === 'fortnightly' ? 2 : every === 'weekly' ? 1 : null;
      const time = cadence === null ? rest : rest.slice(0, -1);
      const days = resolveWeekdays(day);
      const at = time.length ? parseTime(time.join(' ')) : '09:00';
      if (days?.length !== 1 || !at)
        return fail(ctx, `\`${v.slice(0, 30)}\` is not a pairs cycle; write it like mon 09:00, mon 09:00 biweekly, or off`);
      return { pairsWeekday: days[0]!, pairsTime: at, pairsEveryWeeks: cadence ?? 1 };
    }),
  },
  {
    name: 'ramp',
    aliases: ['difficulty'],
    example: 'on',
    show: (s) => (s.ramp ? 'on (junior Mon–Tue, mid Wed–Thu, senior Fri–Sun)' : 'off'),
    value: z
      .string()
      .transform((v, ctx) =>
        /^(on|yes|true)$/i.test(v.trim())
          ? { ramp: true }
          : /^(off|no|false)$/i.test(v.trim())
            ? { ramp: false }
            : fail(ctx, 'ramp is on or off'),
      ),
  },
  {
    name: 'min-words',
    aliases: ['minwords', 'words', 'min-length'],
    example: '12',
    show: (s) => showMinWords(s.minWords ?? DEFAULT_MIN_WORDS),
    value: z.string().transform((v, ctx) => {
      const n = parseMinWords(v);
      return n === null ? fail(ctx, `\`${v.slice(0, 20)}\` is not a word count; ${MIN_WORDS_HINT}`) : { minWords: n };
    }),
  },
  {
    name: 'season',
    aliases: ['seasons', 'season-length'],
    example: 'month',
    show: (s) => s.seasonLength ?? DEFAULT_SEASON,
    value: z.string().transform((v, ctx) => {
      const length = v.trim().toLowerCase();
      if (length === 'month' || length === 'quarter') return { seasonLength: length };
      return fail(ctx, `\`${v.slice(0, 20)}\` is not a season length; write month or quarter`);
    }),
  },
  {
    name: 'champion-role',
    aliases: ['champion', 'role'],
    example: '<@&123456789012345678>',
    show: (s) => (s.championRoleId ? `role ${s.championRoleId}` : 'off'),
    value: z.string().transform((v, ctx) => {
      const value = v.trim();
      if (/^(off|none|no)$/i.test(value)) return { championRoleId: null };
      const id = /^(?:<@&)?(\d{5,25})>?$/.exec(value)?.[1];
      return id
        ? { championRoleId: id }
        : fail(ctx, `\`${value.slice(0, 30)}\` is not a role; mention it (@Champion) or give its id, or off`);
    }),
  },
  {
    name: 'categories',
    aliases: ['category', 'cats', 'topics'],
    example: 'fundamentals,statistics',
    show: (s) => (s.categories.length ? s.categories.join(', ') : 'all'),
    value: listOf(resolveCategory, 'category', CATEGORIES, (categories) => ({ categories })),
  },
  {
    name: 'levels',
    aliases: ['level'],
    example: 'mid,senior',
    show: (s) => (s.levels.length ? s.levels.join(', ') : 'all'),
    value: listOf(resolveLevel, 'level', LEVELS, (levels) => ({ levels })),
  },
];

export function findSetting(name: string): SettingSpec | undefined {
  const n = name.toLowerCase();
  return SETTINGS.find((s) => s.name === n || s.aliases.includes(n));
}
