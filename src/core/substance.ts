/**
 * Whether a reply is an answer: the bar a thread reply, a sealed answer or a probe reply must clear to earn points.
 * Pure functions over text; each verdict carries a stable reason id that notes, logs and tests can rely on.
 */

/** The word bar a channel starts with (issue 12); organisers change it with `/mlq config min-words`. */
export const DEFAULT_MIN_WORDS = 12;
/** The range `/mlq config min-words` accepts; 0 turns the word bar and the filler rule off. */
export const MIN_WORDS_RANGE = { min: 0, max: 200 } as const;
/** The longest answer that counts; a longer reply is not counted until it is edited shorter. */
export const MAX_ANSWER_CHARS = 10_000;
/** A token longer than this is not a word (a pasted blob, a hash, a long link). */
export const MAX_WORD_CHARS = 40;
/** A word repeated at least this often, and making up more than half of the words, is filler. */
export const FILLER_MIN_REPEATS = 3;

export type SubstanceReason = 'ok' | 'too-long' | 'too-few-words' | 'filler';

export interface Substance {
  ok: boolean;
  reason: SubstanceReason;
  /** Real words: tokens with a letter or a digit, at most MAX_WORD_CHARS long. */
  words: number;
  /** How often the most frequent word occurs (case and surrounding punctuation ignored). */
  topRepeats: number;
  chars: number;
  minWords: number;
}

/** The real words of a text, case-folded and trimmed of surrounding punctuation. */
export function realWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s+/u)) {
    if (token.length > MAX_WORD_CHARS || !/[\p{L}\p{N}]/u.test(token)) continue;
    words.push(token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  }
  return words;
}

function topRepeats(words: string[]): number {
  const counts = new Map<string, number>();
  let top = 0;
  for (const word of words) {
    const n = (counts.get(word) ?? 0) + 1;
    counts.set(word, n);
    if (n > top) top = n;
  }
  return top;
}

/** One word repeated FILLER_MIN_REPEATS times or more that makes up more than half of the words. */
function isFiller(words: string[]): boolean {
  const top = topRepeats(words);
  return top >= FILLER_MIN_REPEATS && top * 2 > words.length;
}

/**
 * Judges a reply against a bar of `minWords` real words. In order: longer than MAX_ANSWER_CHARS is `too-long`;
 * fewer than `minWords` words is `too-few-words`; one word repeated FILLER_MIN_REPEATS times or more and making up
 * more than half of the words is `filler`. A bar of 0 keeps only the length bound.
 */
export function judgeSubstance(text: string, minWords: number): Substance {
  const chars = text.length;
  const words = chars > MAX_ANSWER_CHARS ? [] : realWords(text);
  const top = topRepeats(words);
  const base = { words: words.length, topRepeats: top, chars, minWords };
  if (chars > MAX_ANSWER_CHARS) return { ok: false, reason: 'too-long', ...base };
  if (minWords > 0 && words.length < minWords) return { ok: false, reason: 'too-few-words', ...base };
  if (minWords > 0 && isFiller(words)) return { ok: false, reason: 'filler', ...base };
  return { ok: true, reason: 'ok', ...base };
}

/**
 * The highest word bar the text clears, so that `countableWords(t) >= n` exactly when `judgeSubstance(t, n).ok`
 * for every bar n >= 0: -1 when too long, 0 when filler (only a bar of 0 takes it), otherwise its real words.
 * The store compares it with the channel's bar inside the statement that records the answer.
 */
export function countableWords(text: string): number {
  if (text.length > MAX_ANSWER_CHARS) return -1;
  const words = realWords(text);
  return isFiller(words) ? 0 : words.length;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The friendly private note for a reply that did not count; `canEdit` is false for a sealed answer (a form). */
export function substanceNote(verdict: Substance, canEdit: boolean): { title: string; body: string } {
  const fix = canEdit ? 'Edit your reply (or reply again)' : 'Answer again';
  const then = canEdit ? 'it counts as your answer' : 'that counts';
  switch (verdict.reason) {
    case 'too-long':
      return {
        title: 'Your reply is too long to count as an answer',
        body:
          `It has ${fmt(verdict.chars)} characters and an answer counts up to ${fmt(MAX_ANSWER_CHARS)}. ` +
          `${fix} with the essentials and ${then}.`,
      };
    case 'filler':
      return {
        title: 'Your reply does not count as an answer yet',
        body: `It repeats one word over and over. ${fix} with your own explanation in at least ${verdict.minWords} words and ${then}.`,
      };
    default:
      return {
        title: 'Thanks! Your reply does not count as an answer yet',
        body:
          `An answer here needs at least ${verdict.minWords} words and this one has ${verdict.words}. ` +
          `${fix} with your reasoning (why, a trade-off, an example) and ${then}.`,
      };
  }
}
