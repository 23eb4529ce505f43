import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { onTestFailed } from 'vitest';
import type { Logger } from '../../src/core/log.ts';
import { waitFor } from './wait.ts';

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
  try {
    onTestFailed(() => {
      const state = child.exitCode !== null || child.signalCode !== null ? `exited (${child.exitCode ?? child.signalCode})` : 'running';
      const notable = stdout.split('\n').filter((line) => line.startsWith('{') && !line.startsWith('{"level":30'));
      console.error(`service on port ${env.PORT ?? '-'}: ${state}; stderr: ${stderr.slice(-4000) || '(none)'}`);
      if (notable.length > 0) console.error(`its warnings and errors:\n${notable.slice(-30).join('\n').slice(-8000)}`);
    });
  } catch {
    // Started outside a test (in beforeAll): no test to watch.
  }
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

/**
 * Starts the service on a free port and waits until it serves /healthz itself: its own log says it listens on that
 * port and the port answers. Another process can take a free port before the service binds it (the service then
 * exits saying the port is in use, while the other answers); that is retried on a new port.
 */
export async function startServing(env: Record<string, string>, timeoutMs = 30_000): Promise<{ service: ServiceProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const service = startService({ ...env, PORT: String(port) });
    const ended = () => service.child.exitCode !== null || service.child.signalCode !== null;
    const listening = () =>
      service
        .stdout()
        .split('\n')
        .some((line) => line.startsWith('{') && line.includes('health check at /healthz') && JSON.parse(line).port === port);
    await waitFor(
      async () => ended() || (listening() && (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok),
      timeoutMs,
    );
    if (!ended()) return { service, port };
    if (attempt < 3 && service.stderr().includes('is already in use')) continue;
    throw new Error(`the service exited before serving /healthz: ${service.stderr()}${service.stdout().slice(-4000)}`);
  }
}
