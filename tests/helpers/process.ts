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
