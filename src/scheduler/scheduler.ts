import cron from 'node-cron';
import type { Logger } from '../core/log.ts';

export interface Scheduler {
  stop(): Promise<void>;
  /** Runs one pass now and resolves when it ends (a pass already running is awaited instead). */
  runNow(): Promise<void>;
}

/** Runs `work` every minute on node-cron, never two passes at once; every replica runs the same tick. */
export function startScheduler(work: () => Promise<unknown>, logger: Logger, expression = '* * * * *'): Scheduler {
  let running: Promise<void> | null = null;
  const pass = () => {
    running ??= work()
      .then(() => undefined)
      .catch((error: unknown) => logger.error({ err: error }, 'scheduler pass failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const task = cron.schedule(expression, () => void pass(), { name: 'mlq-tick', noOverlap: true });
  return {
    async stop() {
      await task.stop();
      await running;
    },
    runNow: pass,
  };
}
