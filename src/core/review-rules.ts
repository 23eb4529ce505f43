import { createEmptyCard, type Card as FsrsCard, Rating as FsrsRating, fsrs, type Grade } from 'ts-fsrs';
import { err, ok, type Result } from './result.ts';
import { addDays, localDate, wallClock } from './schedule.ts';
import type { Category, Question } from './types.ts';

/** An FSRS rating, from the share of key points a member ticked. */
export type Rating = 'again' | 'hard' | 'good' | 'easy';

export const RATING_NAMES: Record<Rating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

/** The mapping the README documents: under 40 % Again, under 70 % Hard, under 100 % Good, all Easy. */
export const RATING_RULE = 'under 40 % of the key points ticked is Again, under 70 % Hard, under 100 % Good, and all of them Easy';

/** The FSRS rating of `ticked` key points out of `total`; integer arithmetic, so 2 of 5 is exactly 40 %. */
export function ratingFor(ticked: number, total: number): Rating {
  if (ticked * 10 < total * 4) return 'again';
  if (ticked * 10 < total * 7) return 'hard';
  return ticked < total ? 'good' : 'easy';
}

/** A review card's FSRS state, as the store keeps it. */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview: Date | null;
}

const GRADES: Record<Rating, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

/** Whole days between reviews (no minute-long learning steps: a chat bot reviews daily) and no random fuzz. */
const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

/** The card after one review rated `rating` at `at`; a first review starts from a new card. */
export function scheduleCard(before: CardState | null, rating: Rating, at: Date): CardState {
  const card: FsrsCard = before
    ? {
        due: before.due,
        stability: before.stability,
        difficulty: before.difficulty,
        elapsed_days: 0,
        scheduled_days: before.scheduledDays,
        learning_steps: before.learningSteps,
        reps: before.reps,
        lapses: before.lapses,
        state: before.state,
        last_review: before.lastReview ?? undefined,
      }
    : createEmptyCard(at);
  const next = scheduler.next(card, at, GRADES[rating]).card;
  return {
    due: next.due,
    stability: next.stability,
    difficulty: next.difficulty,
    scheduledDays: next.scheduled_days,
    learningSteps: next.learning_steps,
    reps: next.reps,
    lapses: next.lapses,
    state: next.state,
    lastReview: next.last_review ?? at,
  };
}

/** What a grade is of: a revealed round, a practice question, or one showing of a due review card. */
export type GradeRef =
  | { source: 'round'; roundId: number }
  | { source: 'practice'; practiceId: number }
  | { source: 'review'; cardId: number; reps: number }
  | { source: 'mock'; sessionId: number };

export type GradeSource = GradeRef['source'];

/** The ref as a button or form value: `r:12`, `p:3`, `c:7:2`, `m:5`. */
export function refValue(ref: GradeRef): string {
  if (ref.source === 'round') return `r:${ref.roundId}`;
  if (ref.source === 'practice') return `p:${ref.practiceId}`;
  if (ref.source === 'mock') return `m:${ref.sessionId}`;
  return `c:${ref.cardId}:${ref.reps}`;
}

export function parseRef(value: string): GradeRef | null {
  const m = /^(?:([rpm]):(\d{1,9})|c:(\d{1,9}):(\d{1,6}))$/.exec(value);
  if (!m) return null;
  if (m[1] === 'r') return { source: 'round', roundId: Number(m[2]) };
  if (m[1] === 'm') return { source: 'mock', sessionId: Number(m[2]) };
  if (m[1] === 'p') return { source: 'practice', practiceId: Number(m[2]) };
  return { source: 'review', cardId: Number(m[3]), reps: Number(m[4]) };
}

/** The store's key of a grade within its source: one grade per member, source and this id. */
export function sourceId(ref: GradeRef): string {
  if (ref.source === 'round') return String(ref.roundId);
  if (ref.source === 'practice') return String(ref.practiceId);
  if (ref.source === 'mock') return String(ref.sessionId);
  return `${ref.cardId}:${ref.reps}`;
}

/**
 * Reads the key points a member ticked, 1-based as the checklist numbers them ("1 3 4", "1,3", "none", "all"),
 * as sorted 0-based indices; a helpful sentence for anything else.
 */
export function parseTicks(words: string[], total: number): Result<number[]> {
  const tokens = words.flatMap((w) => w.split(',')).filter(Boolean);
  const hint = `Give the numbers of the key points you covered, from 1 to ${total}, such as \`1 3\`, or \`none\` or \`all\``;
  if (tokens.length === 0) return err('empty', `${hint}.`);
  if (tokens.length === 1 && /^none$/i.test(tokens[0]!)) return ok([]);
  if (tokens.length === 1 && /^all$/i.test(tokens[0]!)) return ok(Array.from({ length: total }, (_, i) => i));
  const picked = new Set<number>();
  for (const token of tokens) {
    const n = /^\d{1,2}$/.test(token) ? Number(token) : 0;
    if (n < 1 || n > total) return err('bad', `${hint}; \`${token.slice(0, 20)}\` is not one.`);
    picked.add(n - 1);
  }
  return ok([...picked].sort((a, b) => a - b));
}

/** Reads a checklist form's value (comma-separated 0-based indices) as indices below `total`; junk is dropped. */
export function formTicks(value: string, total: number): number[] {
  const picked = new Set(
    value
      .split(',')
      .filter((v) => /^\d{1,2}$/.test(v))
      .map(Number)
      .filter((n) => n < total),
  );
  return [...picked].sort((a, b) => a - b);
}

/** The one-line summary at the top of a reveal: the bank's `tldr`, else the strong answer's first sentence. */
export function summaryLine(q: Pick<Question, 'tldr' | 'strong_answer'>): string {
  const tldr = q.tldr?.replace(/\s+/g, ' ').trim();
  if (tldr) return tldr;
  const flat = q.strong_answer.replace(/\s+/g, ' ').trim();
  const m = /^(.{20,}?[.!?])(?=\s+["'(A-Z0-9]|$)/.exec(flat);
  const sentence = m ? m[1]! : flat;
  return sentence.length > 300 ? `${sentence.slice(0, 299)}…` : sentence;
}

/** The next instant strictly after `after` when the local clock in `timezone` reads `time` (HH:MM). */
export function nextReminderAt(time: string, timezone: string, after: Date): Date {
  const today = localDate(after, timezone);
  const same = wallClock(today, time, timezone);
  return same > after ? same : wallClock(addDays(today, 1), time, timezone);
}

/** Mastery of one category: the mean share ticked over the member's questions (each at its latest grade). */
export interface Mastery {
  category: Category;
  mastery: number;
  questions: number;
  lastAt: Date;
}

/** The category with the lowest mastery (the most recently graded first on a tie), or null with none graded. */
export function weakestCategory(rows: Mastery[]): Mastery | null {
  let weakest: Mastery | null = null;
  for (const row of rows) {
    if (!weakest || row.mastery < weakest.mastery || (row.mastery === weakest.mastery && row.lastAt > weakest.lastAt)) weakest = row;
  }
  return weakest;
}
