import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { onTestFailed } from 'vitest';
import type { Logger } from '../../src/core/log.ts';

/** A port that was free a moment ago on 127.0.0.1, for a service started as a child process. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface LogLine {
  level: string;
  obj: object;
  msg?: string;
}

/**
 * A logger that keeps its lines, so a test can assert on what an operator would read. Made inside a test (or its
 * beforeEach), it prints its warnings and errors when that test fails, to tell why a wait timed out.
 */
export function captureLogger(): { logger: Logger; logs: LogLine[] } {
  const logs: LogLine[] = [];
  try {
    onTestFailed(() => {
      const notable = logs.filter((line) => line.level !== 'info');
      if (notable.length > 0)
        console.error('warnings and errors logged during the failed test:', JSON.stringify(notable, null, 1).slice(0, 8000));
    });
  } catch {
    // Outside a test (in beforeAll) there is no test to watch.
  }
  const line = (level: string) => (obj: object, msg?: string) => void logs.push({ level, obj, msg });
  return { logs, logger: { info: line('info'), warn: line('warn'), error: line('error') } };
}

/** One pino line a service wrote (JSON, numeric level: 50 error, 60 fatal). */
export interface PinoLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/** The built service (`node dist/main.js`) running as a child process with piped stdin, stdout and stderr. */
export interface ServiceProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything the service wrote to stdout (its pino log, or the terminal channel) and stderr. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed) once the process has ended. */
  exited: Promise<number | null>;
  /** The pino lines at error level or above, each as written. */
  errors(): PinoLine[];
  stop(): Promise<void>;
}

/** Starts `node dist/main.js` with only the given settings (plus PATH and HOME) and its stdin left open. */
export function startService(env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    errors: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as PinoLine)
        .filter((line) => line.level >= 50),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The texts a service said that mean a command failed on our side (the catch-all's polite reply). */
export const FAILED_REPLY = /something went wrong/i;
