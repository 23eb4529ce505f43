import type { ChartMaker } from './charts.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { Ports } from './port.ts';
import type { Repository } from './repository.ts';
import type { ChannelSettings } from './types.ts';

/** Signs links to a channel's web page (src/web, with node:crypto); `memberId` is who asked, null for a link to share. */
export interface WebLinks {
  link(channelId: string, memberId: string | null, generation: number, now: Date): { url: string; expiresAt: Date };
  /** The page's address without a signature, which opens it once it is public. */
  pageUrl(channelId: string): string;
}

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
  /** The group's web page; `/mlq web` says it is not enabled when absent (no MLQ_WEB_SECRET). */
  web?: WebLinks;
  /** Draws the charts `/mlq stats` and the weekly digest attach; without it they carry text only. */
  charts?: ChartMaker;
}

/** A stopwatch started now: `elapsed()` gives the milliseconds since, from the monotonic source or else the clock. */
export function stopwatch(deps: Pick<CoreDeps, 'clock' | 'monotonic'>): { elapsed(): number } {
  const read = deps.monotonic ?? (() => deps.clock.now().getTime());
  const started = read();
  return { elapsed: () => read() - started };
}
