import { stemmer } from 'stemmer';
import type { Question } from '../core/types.ts';
import { pairKey } from './distinct-pairs.ts';
import type { BankProblem, LoadedQuestion } from './load.ts';
import { SYNONYMS } from './synonyms.ts';

const STOPWORDS = new Set(
  (
    'a about after also an and any are as at be before between both but by can could do does each either for from had has have ' +
    'how i if in into is it its just me more most my no not of on once one or other our over say says so some such than that ' +
    'the their them then there these they this those to too up us very was we were what when where whether which while who ' +
    'why will with would you your'
  ).split(' '),
);

/** Text as comparable terms: spelling and synonyms folded, `0.99` read as `99 %`, stop words dropped, words stemmed. */
export function terms(text: string): string[] {
  let folded = text
    .toLowerCase()
    .replace(/\b0\.(\d\d)\b/g, '$1pct')
    .replace(/(\d)\s?%/g, '$1pct')
    .replace(/(\p{L}{3})iz(e|es|ed|ing|ation|ations)\b/gu, '$1is$2');
  for (const [concept, pattern] of SYNONYMS) folded = folded.replace(pattern, ` ${concept} `);
  return folded
    .replace(/[^\p{L}\p{N}\s_-]/gu, ' ')
    .split(/[\s-]+/)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map((w) => (w.startsWith('_') ? w : stemmer(w)));
}

type Vector = Map<string, number>;

/** Inverse document frequency of every term over `docs`. */
function idf(docs: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  return new Map([...df].map(([term, n]) => [term, Math.log(docs.length / n)]));
}

/** A unit-length TF-IDF vector with sublinear term frequency. */
function vector(doc: string[], weights: Map<string, number>): Vector {
  const tf = new Map<string, number>();
  for (const term of doc) tf.set(term, (tf.get(term) ?? 0) + 1);
  const v: Vector = new Map();
  for (const [term, n] of tf) {
    const w = (1 + Math.log(n)) * (weights.get(term) ?? 0);
    if (w > 0) v.set(term, w);
  }
  const norm = Math.hypot(...v.values()) || 1;
  for (const [term, w] of v) v.set(term, w / norm);
  return v;
}

function cosine(a: Vector, b: Vector): number {
  let sum = 0;
  for (const [term, w] of a) sum += w * (b.get(term) ?? 0);
  return sum;
}

/** How well two lists of key points cover each other: each point's best match on the other side, averaged both ways. */
function alignment(a: Vector[], b: Vector[]): number {
  if (!a.length || !b.length) return 0;
  const scores = a.map((x) => b.map((y) => cosine(x, y)));
  const fromA = scores.reduce((s, row) => s + Math.max(...row), 0) / a.length;
  const fromB = b.reduce((s, _y, j) => s + Math.max(...scores.map((row) => row[j]!)), 0) / b.length;
  return (fromA + fromB) / 2;
}

/** The similarity of one pair of questions: its three parts and the weighted score the lint compares. */
export interface PairScore {
  a: string;
  b: string;
  prompt: number;
  keyPoints: number;
  tags: number;
  score: number;
}

/** Weights of the prompt, key-point and tag similarities in a pair's score; they add up to 1. */
export const WEIGHTS = { prompt: 0.3, keyPoints: 0.5, tags: 0.2 } as const;

/** Every pair of questions with its similarity, highest first. Term weights come from the questions compared. */
export function pairScores(questions: Question[]): PairScore[] {
  const prompts = questions.map((q) => terms(q.prompt));
  const points = questions.map((q) => q.key_points.map(terms));
  const tags = questions.map((q) => q.tags.flatMap(terms));
  const [promptIdf, pointIdf, tagIdf] = [idf(prompts), idf(points.flat()), idf(tags)];
  const p = prompts.map((d) => vector(d, promptIdf));
  const k = points.map((list) => list.map((d) => vector(d, pointIdf)));
  const t = tags.map((d) => vector(d, tagIdf));
  const pairs: PairScore[] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const prompt = cosine(p[i]!, p[j]!);
      const keyPoints = alignment(k[i]!, k[j]!);
      const tagScore = cosine(t[i]!, t[j]!);
      const score = WEIGHTS.prompt * prompt + WEIGHTS.keyPoints * keyPoints + WEIGHTS.tags * tagScore;
      pairs.push({ a: questions[i]!.id, b: questions[j]!.id, prompt, keyPoints, tags: tagScore, score });
    }
  }
  return pairs.sort((x, y) => y.score - x.score);
}

/** The score at and above which two questions count as asking the same thing. */
export const NEAR_DUPLICATE = 0.27;

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** A problem for each pair of questions whose prompt, key points and tags together are too alike, but reviewed pairs. */
export function nearDuplicates(loaded: LoadedQuestion[], threshold = NEAR_DUPLICATE, distinct = new Set<string>()): BankProblem[] {
  const fileOf = new Map(loaded.map((l) => [l.question.id, l.file]));
  return pairScores(loaded.map((l) => l.question))
    .filter((pair) => pair.score >= threshold && !distinct.has(pairKey(pair.a, pair.b)))
    .map((pair) => ({
      file: fileOf.get(pair.b)!,
      line: 1,
      message:
        `${pair.b} nearly duplicates ${pair.a} (score ${pct(pair.score)}: prompt ${pct(pair.prompt)}, key points ` +
        `${pct(pair.keyPoints)}, tags ${pct(pair.tags)}); merge them or give one a different angle`,
    }));
}
