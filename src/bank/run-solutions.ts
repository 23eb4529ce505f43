import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { BankProblem, LoadedQuestion } from './load.ts';

/** How long the one python3 process that runs every coding solution and its tests may take. */
export const SOLUTIONS_TIMEOUT_MS = 60_000;

/** The outcome of running the coding solutions: problems found, or why they were not run. */
export type SolutionRun =
  | { ran: true; count: number; problems: BankProblem[] }
  | { ran: false; count: number; reason: string; problems: BankProblem[] };

/**
 * Runs each job's code, then its tests one by one, in a namespace of its own; prints one JSON line per event on the real
 * standard output (the solutions' own prints are swallowed), so a timeout still shows which question was running.
 */
const RUNNER = String.raw`
import io, json, sys, traceback
out = sys.__stdout__
def say(event):
    out.write(json.dumps(event) + "\n")
    out.flush()
try:
    import numpy
except ImportError:
    say({"event": "no-numpy"})
    sys.exit(0)
jobs = json.load(sys.stdin)
def reason(error):
    text = str(error).strip()
    return type(error).__name__ + (": " + text.splitlines()[0][:200] if text else "")
def code_line(error):
    if isinstance(error, SyntaxError) and error.filename == "solution":
        return error.lineno
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "solution"]
    return frames[-1].lineno if frames else None
for q, job in enumerate(jobs):
    say({"q": q, "event": "start"})
    namespace = {"__name__": "__mlq_solution__"}
    sys.stdout = io.StringIO()
    try:
        exec(compile(job["code"], "solution", "exec"), namespace)
    except BaseException as error:
        sys.stdout = out
        say({"q": q, "event": "code", "error": reason(error), "line": code_line(error)})
        continue
    for t, test in enumerate(job["tests"]):
        try:
            exec(compile(test, "test", "exec"), namespace)
        except BaseException as error:
            sys.stdout = out
            say({"q": q, "t": t, "event": "test", "error": reason(error), "line": code_line(error)})
            sys.stdout = io.StringIO()
    sys.stdout = out
say({"event": "done"})
`;

interface Event {
  q?: number;
  t?: number;
  event: 'no-numpy' | 'start' | 'code' | 'test' | 'done';
  error?: string;
  /** The line inside solution.code where the error was raised, when it was raised there. */
  line?: number | null;
}

/** The line of `solution.code` (and of its first code line, for a block scalar) and of each test in a question file. */
function solutionLines(file: string): { code: number; body: number | null; tests: number[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
  const lineOf = (path: (string | number)[]) => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  };
  const tests = (doc.getIn(['solution', 'tests']) as { items?: unknown[] } | undefined)?.items ?? [];
  const code = doc.getIn(['solution', 'code'], true) as { type?: string } | undefined;
  const block = code?.type === 'BLOCK_LITERAL' || code?.type === 'BLOCK_FOLDED';
  const at = lineOf(['solution', 'code']);
  return { code: at, body: block ? at + 1 : null, tests: tests.map((_, i) => lineOf(['solution', 'tests', i])) };
}

/**
 * Runs every coding question's solution and then its tests in one python3 process for the whole bank; a failing test is a
 * problem at its own line of the YAML, a solution that raises one at its code line. Not run without python3 and NumPy.
 */
export function runSolutions(loaded: LoadedQuestion[], python = 'python3', timeoutMs = SOLUTIONS_TIMEOUT_MS): SolutionRun {
  const coding = loaded.filter((l) => l.question.solution);
  if (!coding.length) return { ran: true, count: 0, problems: [] };
  const jobs = coding.map((l) => ({ code: l.question.solution!.code, tests: l.question.solution!.tests }));
  const run = spawnSync(python, ['-c', RUNNER], { input: JSON.stringify(jobs), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 << 20 });
  const events: Event[] = (run.stdout ?? '')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Event);
  const missing = (run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' || events[0]?.event === 'no-numpy';
  if (missing) return { ran: false, count: coding.length, reason: `${python} with NumPy is not installed`, problems: [] };
  const problems: BankProblem[] = [];
  for (const event of events) {
    if (event.q === undefined || event.event === 'start') continue;
    const { file } = coding[event.q]!;
    const lines = solutionLines(file);
    const inCode = event.line && lines.body ? lines.body + event.line - 1 : null;
    if (event.event === 'code') problems.push({ file, line: inCode ?? lines.code, message: `solution.code raised ${event.error}` });
    else {
      const test = coding[event.q]!.question.solution!.tests[event.t!]!;
      const where = inCode ? `; raised at line ${inCode} in solution.code` : '';
      problems.push({ file, line: lines.tests[event.t!] ?? lines.code, message: `solution test failed: ${test} (${event.error}${where})` });
    }
  }
  if (!events.some((e) => e.event === 'done')) {
    const started = events.filter((e) => e.event === 'start').at(-1);
    const file = started?.q === undefined ? coding[0]!.file : coding[started.q]!.file;
    const why =
      run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `did not finish within ${timeoutMs / 1000} s` : 'stopped';
    const detail = run.stderr?.trim().split('\n').at(-1);
    problems.push({
      file,
      line: solutionLines(file).code,
      message: `python3 ${why} while running this solution${detail ? ` (${detail})` : ''}`,
    });
  }
  return { ran: true, count: coding.length, problems };
}
