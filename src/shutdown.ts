import type { Logger } from './core/log.ts';

/** One step of stopping the service, named for the log line when the time runs out during it. */
export interface StopStep {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * Runs the steps of stopping in order, within `timeoutMs` in all: 'done' when each finished (a failing step is
 * logged and the next one runs), 'timed-out' after a warning naming the step that was still running.
 */
export async function stopWithin(steps: StopStep[], timeoutMs: number, logger: Logger): Promise<'done' | 'timed-out'> {
  let current = steps[0]?.name ?? '';
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeoutMs);
  });
  const run = async (): Promise<'done'> => {
    for (const step of steps) {
      current = step.name;
      await step.run().catch((error: unknown) => logger.error({ err: error, step: step.name }, 'a step of stopping failed'));
    }
    return 'done';
  };
  const outcome = await Promise.race([run(), expired]);
  clearTimeout(timer);
  if (outcome === 'timed-out') {
    logger.warn(
      { timeoutSeconds: timeoutMs / 1000, step: current },
      `stopping took longer than MLQ_STOP_TIMEOUT while ${current}; exiting anyway (leases still held lapse, and another replica retries their work)`,
    );
  }
  return outcome;
}
