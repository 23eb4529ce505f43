import type { Clock } from './clock.ts';
import type { Logger } from './log.ts';
import type { Ports } from './port.ts';
import type { Repository } from './repository.ts';
import type { ChannelSettings } from './types.ts';

/** Everything the core's use cases need, injected by main.ts (or by a test). */
export interface CoreDeps {
  repo: Repository;
  ports: Ports;
  clock: Clock;
  logger: Logger;
  admins: string[];
  defaults: ChannelSettings;
  random?: () => number;
}
