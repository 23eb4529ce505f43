import { isAbsolute, relative, resolve } from 'node:path';
import { loadConfig, questionsDirSentence } from '../config.ts';
import { cardLength } from '../core/message.ts';
import { revealCard } from '../core/question-cards.ts';
import type { Question } from '../core/types.ts';
import { loadEnvFile } from '../env-file.ts';
import { distinctPairs } from './distinct-pairs.ts';
import { formatMatrix, matrix, retiredProblems, sourcesProblems } from './lint.ts';
import { type BankProblem, formatProblem, loadBank } from './load.ts';
import { nearDuplicates } from './near-duplicates.ts';
import { runSolutions } from './run-solutions.ts';

const USAGE = `Usage: npm run bank -- <command> [folder]

Commands:
  lint    check every question file (fields, word counts, id and folder names), near-duplicate questions, retired
          ids, the ids in SOURCES.md and the number of questions in every category × level cell, and run each coding
          solution's tests with python3 when it has NumPy; exits with 1 on a problem
  stats   print how many questions each category × level cell holds, and the median and longest reveal
  help    print this text (also --help or -h)

Arguments:
  folder  the question bank folder; by default MLQ_QUESTIONS_DIR, read from the environment or .env as at
          start-up, and otherwise questions/

Problems are printed as path:line: message, the path relative to the current folder, so that an editor opens them.
MLQ_BANK_MIN_PER_CELL sets how many questions lint wants in every cell (default 8).`;

/** The median and the longest reveal, in characters of the neutral reveal card the core builds. */
function revealLengths(questions: Question[]): string {
  if (!questions.length) return 'Reveal length: no questions.';
  const lengths = questions.map((q) => ({ id: q.id, chars: cardLength(revealCard(q, 0)) })).sort((a, b) => a.chars - b.chars);
  const mid = lengths.length / 2;
  const median = lengths.length % 2 ? lengths[Math.floor(mid)]!.chars : Math.round((lengths[mid - 1]!.chars + lengths[mid]!.chars) / 2);
  const longest = lengths.at(-1)!;
  return `Reveal length in characters: median ${median}, maximum ${longest.chars} (${longest.id}).`;
}

function fail(sentence: string): never {
  process.stderr.write(`mlq: ${sentence}\n`);
  process.exit(1);
}

/** A path as the user can open it from where they ran the command. */
const shown = (path: string) => (isAbsolute(path) ? relative(process.cwd(), path) || '.' : path);

const args = process.argv.slice(2);
const [command = 'help', folder, ...extra] = args;
if (['help', '--help', '-h'].includes(command) || args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (command !== 'lint' && command !== 'stats') {
  process.stderr.write(`mlq: there is no bank command "${command}"; lint and stats are.\n\n${USAGE}\n`);
  process.exit(1);
}
if (extra.length) {
  const got = args.slice(1).join(' ');
  fail(`the bank tool takes one folder, not ${extra.length + 1} (got ${got}); for example npm run bank -- ${command} questions.`);
}

const envFile = loadEnvFile();
if (!envFile.ok) fail(envFile.message);
const config = loadConfig(process.env, envFile.value);
if (!config.ok) fail(config.message);
const minimum = process.env.MLQ_BANK_MIN_PER_CELL?.trim() || '8';
if (!/^\d{1,4}$/.test(minimum)) {
  fail(`MLQ_BANK_MIN_PER_CELL must be a whole number of questions (got "${minimum}"); for example MLQ_BANK_MIN_PER_CELL=8.`);
}

const dir = resolve(folder ?? config.value.MLQ_QUESTIONS_DIR);
const bank = loadBank(dir);
if (bank.folder) {
  fail(
    folder
      ? `the folder "${folder}" ${bank.folder.reason}; give the question bank folder, for example npm run bank -- ${command} questions.`
      : questionsDirSentence(bank.folder, config.value.MLQ_QUESTIONS_DIR, envFile.value),
  );
}

if (command === 'lint') {
  const solutions = runSolutions(bank.questions);
  const distinct = distinctPairs(dir, new Set(bank.questions.map((q) => q.question.id)));
  const problems: BankProblem[] = [
    ...distinct.problems,
    ...bank.problems,
    ...retiredProblems(dir, bank.questions),
    ...nearDuplicates(bank.questions, undefined, distinct.pairs),
    ...solutions.problems,
    ...sourcesProblems(dir, bank.questions),
  ];
  const cells: string[] = [];
  for (const [category, levels] of Object.entries(matrix(bank.questions))) {
    for (const [level, count] of Object.entries(levels)) {
      if (count >= Number(minimum)) continue;
      cells.push(`${shown(dir)}/: ${category} × ${level} has ${count} questions; it needs at least ${minimum}`);
    }
  }
  for (const problem of problems) console.error(formatProblem({ ...problem, file: shown(problem.file) }));
  for (const cell of cells) console.error(cell);
  if (!solutions.ran) console.log(`Skipped the tests of ${solutions.count} coding solutions: ${solutions.reason}.`);
  else if (solutions.count) console.log(`Ran the tests of ${solutions.count} coding solutions with python3.`);
  const count = problems.length + cells.length;
  console.log(`${bank.questions.length} questions checked, ${count} ${count === 1 ? 'problem' : 'problems'}.`);
  process.exit(count ? 1 : 0);
} else {
  console.log(formatMatrix(matrix(bank.questions), Number(minimum)));
  console.log(revealLengths(bank.questions.map((l) => l.question)));
  if (bank.problems.length) console.log(`(${bank.problems.length} files with problems are not counted; npm run bank -- lint lists them)`);
}
