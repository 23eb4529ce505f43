import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import type { Question } from '../core/types.ts';
import type { ParseCache } from './parse-cache.ts';
import { questionSchema } from './question-schema.ts';

/** One problem in the bank, always with the file and line it is on. */
export interface BankProblem {
  file: string;
  line: number;
  message: string;
}

export interface LoadedQuestion {
  question: Question;
  file: string;
  hash: string;
}

/** Why the bank folder itself cannot be used: the sentence ends "… which {reason}". */
export interface BankFolderProblem {
  kind: 'missing' | 'not-a-folder' | 'unreadable' | 'empty';
  reason: string;
}

export interface Bank {
  questions: LoadedQuestion[];
  problems: BankProblem[];
  /** Set when the folder does not exist, is a file, cannot be read or holds no question files; then there is nothing else. */
  folder?: BankFolderProblem;
}

export const formatProblem = (p: BankProblem) => `${p.file}:${p.line}: ${p.message}`;

function yamlFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry)) found.push(path);
  }
  return found;
}

/** Stable across key order, so that reformatting a file does not count as a change. */
export function contentHash(question: Question): string {
  const canonical = JSON.stringify(question, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** Problems with where a valid question sits: its id must match its file name, its folder its category. */
function placementProblems(question: Question, path: string, root: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const parts = relative(root, path).split(sep);
  const stem = parts.at(-1)!.replace(/\.ya?ml$/, '');
  if (stem !== question.id) problems.push({ field: 'id', message: `id ${question.id} does not match the file name ${stem}` });
  if (parts.length !== 2 || parts[0] !== question.category) {
    problems.push({ field: 'category', message: `a ${question.category} question belongs in questions/${question.category}/` });
  }
  return problems;
}

/** Validates parsed data already known to be well-formed YAML; null when anything is wrong (the slow path reports it). */
function fromCached(data: unknown, path: string, root: string): Question | null {
  const parsed = questionSchema.safeParse(data);
  if (!parsed.success) return null;
  const question = parsed.data as Question;
  return placementProblems(question, path, root).length ? null : question;
}

/** Parses and validates one question file; every problem names the file and the line. */
export function loadQuestionFile(
  path: string,
  root: string,
  display = relative(process.cwd(), path) || path,
  cache?: ParseCache,
): LoadedQuestion | BankProblem[] {
  const source = readFileSync(path, 'utf8');
  const cached = cache?.get(source);
  const fast = cached === undefined ? null : fromCached(cached, path, root);
  if (fast) return { question: fast, file: display, hash: contentHash(fast) };
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return doc.errors.map((e) => ({
      file: display,
      line: lineCounter.linePos(e.pos[0]).line,
      message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    }));
  }
  if (!isMap(doc.contents))
    return [{ file: display, line: 1, message: 'a question file must be a mapping of fields (id, category, level, …)' }];
  const lineOf = (path: PropertyKey[]): number => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const data: unknown = doc.toJS();
  const parsed = questionSchema.safeParse(data);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      const message = missing
        ? `missing field ${key}`
        : issue.code === 'unrecognized_keys'
          ? `unknown field ${issue.keys.join(', ')}`
          : issue.message;
      return { file: display, line: lineOf(issue.path), message };
    });
  }
  const question = parsed.data as Question;
  const problems = placementProblems(question, path, root).map((p) => ({ file: display, line: lineOf([p.field]), message: p.message }));
  if (problems.length) return problems;
  cache?.set(source, data);
  return { question, file: display, hash: contentHash(question) };
}

/** Loads every question file under the bank folder; the questions that are valid, and the problems of the rest. */
export function loadBank(dir: string, cache?: ParseCache): Bank {
  const bank: Bank = { questions: [], problems: [] };
  const why = (error: unknown) => `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) return { ...bank, folder: { kind: 'not-a-folder', reason: 'is a file, not a folder' } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    return { ...bank, folder: missing ? { kind: 'missing', reason: 'does not exist' } : { kind: 'unreadable', reason: why(error) } };
  }
  try {
    files = yamlFiles(dir);
  } catch (error) {
    return { ...bank, folder: { kind: 'unreadable', reason: why(error) } };
  }
  if (files.length === 0) return { ...bank, folder: { kind: 'empty', reason: 'holds no .yaml question files' } };
  const seen = new Map<string, string>();
  for (const file of files) {
    const result = loadQuestionFile(file, dir, undefined, cache);
    if (Array.isArray(result)) {
      bank.problems.push(...result);
      continue;
    }
    const other = seen.get(result.question.id);
    if (other) bank.problems.push({ file: result.file, line: 1, message: `id ${result.question.id} is used by ${other} too` });
    else {
      seen.set(result.question.id, result.file);
      bank.questions.push(result);
    }
  }
  cache?.save();
  return bank;
}
