import { resolve } from 'node:path';
import { type BankProblem, formatProblem, loadBank } from './load.ts';
import { formatMatrix, matrix, nearDuplicates, sourcesProblems } from './lint.ts';

/** Every cell of the category × level matrix should hold at least this many questions. */
const MIN_PER_CELL = Number(process.env.MLQ_BANK_MIN_PER_CELL ?? 5);

const [command = 'help', folder] = process.argv.slice(2);
const dir = resolve(folder ?? process.env.MLQ_QUESTIONS_DIR ?? 'questions');
const bank = loadBank(dir);

if (command === 'lint') {
  const problems: BankProblem[] = [...bank.problems, ...nearDuplicates(bank.questions), ...sourcesProblems(dir, bank.questions)];
  const counts = matrix(bank.questions);
  for (const [category, levels] of Object.entries(counts)) {
    for (const [level, count] of Object.entries(levels)) {
      if (count < MIN_PER_CELL) problems.push({ file: dir, line: 1, message: `${category} × ${level} has ${count} questions; it needs at least ${MIN_PER_CELL}` });
    }
  }
  for (const problem of problems) console.error(formatProblem(problem));
  console.log(`${bank.questions.length} questions checked, ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}.`);
  process.exit(problems.length ? 1 : 0);
} else if (command === 'stats') {
  console.log(formatMatrix(matrix(bank.questions), MIN_PER_CELL));
  if (bank.problems.length) console.log(`(${bank.problems.length} files with problems are not counted; run npm run bank -- lint)`);
} else {
  console.log('Usage: npm run bank -- lint | stats [folder]');
  process.exit(command === 'help' ? 0 : 1);
}
