import type { Mlq } from '../core/app.ts';
import type { Logger } from '../core/log.ts';
import type { ChatPort } from '../core/port.ts';
import type { InstallStore } from '../core/repository/install-store.ts';
import type { RateSlots } from '../core/repository/rate-slots.ts';
import type { LeaseStore } from '../core/repository.ts';
import type { Result } from '../core/result.ts';
import type { FromEnvFile } from '../env-file.ts';
import type { RequestHandler } from '../http-server.ts';

/** What the ready log line says about a platform once it is connected. */
export interface StartedPlatform {
  message: string;
  fields: Record<string, unknown>;
}

/**
 * The one lifecycle every chat platform has, so main.ts loops over the configured ones: inbound listeners are
 * attached to the core, outbound messages go through `port`, and a failed start is one sentence for the operator.
 */
export interface Platform {
  /** The prefix of the opaque ids it owns, e.g. `slack`. */
  readonly name: string;
  /** Outbound: the core's messages to this platform. */
  readonly port: ChatPort;
  /** HTTP routes served on the service's one server (Slack's `/slack/events` in HTTP mode); empty for most. */
  readonly routes: RequestHandler[];
  /** Inbound: connects the platform's listeners to the core; events that arrive before this are not handled. */
  attach(mlq: Mlq): void;
  /** Connects (checks tokens, opens sockets, registers commands). */
  start(): Promise<StartedPlatform>;
  /** Stops taking events (closes inbound connections, gives back leases) while outbound messages still go out. */
  pause?(): Promise<void>;
  /** Resolves once the events already taken are handled and answered (stopping waits for it after `pause`). */
  drain?(): Promise<void>;
  stop(): Promise<void>;
  /** The one sentence that says why `start` failed, naming the setting or the network, never a stack trace. */
  startFailure(error: unknown): string;
  /** Resolves when the platform ends the session itself (the terminal at the end of its input); absent for servers. */
  readonly finished?: Promise<void>;
}

/** What a platform's `load` is given by main.ts. */
export interface PlatformContext {
  logger: Logger;
  /** How the store describes itself (`PGlite in .mlq-data`), for a banner. */
  store: string;
  /** Leases in the store, for work one replica at a time must own (Discord's shards), and this replica's name. */
  leases?: LeaseStore;
  replica?: string;
  /** Request rates shared by the replicas (Discord's global limit); absent on PGlite, where mlq is one process. */
  rates?: RateSlots;
  /** Installations of an app distributed to many workspaces (Slack's OAuth flow), sealed by the platform. */
  installs?: InstallStore;
  /** mlq's own data folder (the embedded database's), where a platform may keep files; absent with DATABASE_URL. */
  dataDir?: string;
}

/** A platform as main.ts lists it: its settings are read at once, its SDK is loaded only when they are set. */
export interface PlatformEntry<C = unknown> {
  readonly name: string;
  /** A channel in this terminal: used with MLQ_CONSOLE=on, or with MLQ_CONSOLE=auto when no other platform is set. */
  readonly local?: boolean;
  /** Reads its settings: null when it is not configured, one sentence naming the wrong setting otherwise. */
  config(env: NodeJS.ProcessEnv, fromFile?: FromEnvFile): Result<C | null, 'bad-setting'>;
  /** Imports the platform's SDK (dynamically, so an unconfigured platform costs nothing at start-up) and builds it. */
  load(config: C, context: PlatformContext): Promise<Platform>;
}
