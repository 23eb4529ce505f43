import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
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

/** A logger that keeps its lines, so a test can assert on what an operator would read. */
export function captureLogger(): { logger: Logger; logs: LogLine[] } {
  const logs: LogLine[] = [];
  const line = (level: string) => (obj: object, msg?: string) => void logs.push({ level, obj, msg });
  return { logs, logger: { info: line('info'), warn: line('warn'), error: line('error') } };
}

/** One pino line a service wrote (JSON, numeric level: 50 error, 60 fatal). */
export interface PinoLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything the service wrote to stdout (its pino log) and stderr. */
  stdout(): string;
  stderr(): string;
  /** The pino lines at error level or above, each as written. */
  errors(): PinoLine[];
  stop(): Promise<void>;
}

/** Starts the built service (dist/main.js) with `env`, reading its log from stdout, where pino writes it. */
export function startService(env: Record<string, string>): ServiceProcess {
  let out = '';
  let err = '';
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const child = spawn(process.execPath, ['dist/main.js'], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    errors: () =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as PinoLine)
        .filter((line) => line.level >= 50),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The texts a service said that mean a command failed on our side (the catch-all's polite reply). */
export const FAILED_REPLY = /something went wrong/i;
