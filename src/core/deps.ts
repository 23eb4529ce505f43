import type { Clock } from './clock.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { Ports } from './port.ts';
import type { Repository } from './repository.ts';
import type { ChannelSettings } from './types.ts';

/** Everything the core's use cases need, injected by main.ts (or by a test); `R` narrows the store to the roles used. */
export interface CoreDeps<R = Repository> {
  repo: R;
  ports: Ports;
  clock: Clock;
  logger: Logger;
  admins: string[];
  defaults: ChannelSettings;
  random?: () => number;
  /** Where the core reports what operators watch; nothing is reported when absent. */
  metrics?: Metrics;
  /** Milliseconds from a monotonic source (performance.now in the service), for durations and the pass budget; the clock when absent. */
  monotonic?: () => number;
}

/** A stopwatch started now: `elapsed()` gives the milliseconds since, from the monotonic source or else the clock. */
export function stopwatch(deps: Pick<CoreDeps, 'clock' | 'monotonic'>): { elapsed(): number } {
  const read = deps.monotonic ?? (() => deps.clock.now().getTime());
  const started = read();
  return { elapsed: () => read() - started };
}
