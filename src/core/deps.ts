import type { Clock } from './clock.ts';
import type { Logger } from './log.ts';
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
}
