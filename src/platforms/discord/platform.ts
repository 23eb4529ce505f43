import { Client, GatewayIntentBits, OAuth2Scopes, Options, Partials, PermissionsBitField, Routes } from 'discord.js';
import type { Mlq } from '../../core/app.ts';
import { InFlight } from '../../core/in-flight.ts';
import type { Logger } from '../../core/log.ts';
import type { LeaseStore } from '../../core/repository.ts';
import type { Platform, StartedPlatform } from '../lifecycle.ts';
import type { DiscordConfig } from './config.ts';
import { registerListeners } from './listeners/index.ts';
import { type DiscordPace, PacedRequests } from './paced-rest.ts';
import { DiscordPort } from './port.ts';
import { applicationCommands, INVITE_PERMISSIONS } from './render.ts';
import { loginGateway, MessageContentRefusedError, ShardGateways } from './shard-gateway.ts';

export { MessageContentRefusedError };

import { ShardOwnership } from './shard-lease.ts';

/** Network failures that mean Discord was never reached, as Node reports them. */
const UNREACHABLE = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/;

function networkCode(error: unknown): string | null {
  for (
    let e = error as { code?: unknown; cause?: unknown; name?: string } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'string' && UNREACHABLE.test(e.code)) return e.code;
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return 'timed out';
  }
  return null;
}

export interface DiscordOptions {
  /** How long a command may run before its interaction is deferred (Discord allows 3 s); 0 defers every command. */
  deferAfterMs?: number;
  /** The same for a button or menu; 0 defers every one (then a button can no longer open a form). */
  componentDeferAfterMs?: number;
  /** Shards owned through leases in the store, one replica each (main.ts); without it the client connects its configured shards. */
  sharding?: { leases: LeaseStore; owner: string; leaseMs: number };
  /** The global rate limit and the replicas' shared slots (see paced-rest.ts); Discord's 50 a second by default. */
  pace?: DiscordPace;
}

/** Discord through discord.js v14: login, sharding and REST by the client; message events read from raw dispatches. */
export class DiscordPlatform implements Platform {
  readonly name = 'discord';
  readonly client: Client;
  readonly port: DiscordPort;
  readonly routes = [];
  /** Every REST request of this platform's clients, paced under the global limit. */
  readonly requests: PacedRequests;
  private mlq?: Mlq;
  private ownership?: ShardOwnership;
  /** Registers the listeners on another client (a leased shard's). */
  private readonly listen: (client: Client) => void;
  private readonly inFlight = new InFlight();

  constructor(
    private readonly config: DiscordConfig,
    private readonly logger: Logger,
    private readonly options: DiscordOptions = {},
  ) {
    const intents = [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.GuildMessageReactions,
      GatewayIntentBits.DirectMessages,
    ];
    if (config.messageContent) intents.push(GatewayIntentBits.MessageContent);
    this.requests = new PacedRequests(logger, options.pace);
    this.client = new Client({
      intents,
      /** Direct-message channels are not cached before their first message (mock interviews run in them). */
      partials: [Partials.Channel],
      ...(config.shards === 'auto' ? { shards: 'auto' as const } : { shards: config.shards.ids, shardCount: config.shards.count }),
      rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...this.requests.restOptions() },
      allowedMentions: { parse: [] },
      makeCache: Options.cacheWithLimits({
        ...Options.DefaultMakeCacheSettings,
        MessageManager: 0,
        ReactionManager: 0,
        ReactionUserManager: 0,
        PresenceManager: 0,
        ThreadMemberManager: 0,
        GuildMessageManager: 0,
        GuildMemberManager: { maxSize: 0, keepOverLimit: (m) => m.id === m.client.user.id },
        UserManager: { maxSize: 0, keepOverLimit: (u) => u.id === u.client.user.id },
      }),
      sweepers: { ...Options.DefaultSweeperSettings, threads: { interval: 3600, lifetime: 3600 } },
    });
    this.port = new DiscordPort(this.client.rest, logger, config.messageContent);
    this.client.on('error', (error) => logger.error({ platform: 'discord', err: error }, 'discord client error'));
    const listeners = {
      core: () => this.core(),
      attached: () => this.mlq !== undefined,
      port: this.port,
      logger,
      botUserId: () => this.client.user?.id,
      messageContent: config.messageContent,
      deferAfterMs: options.deferAfterMs ?? 1500,
      componentDeferAfterMs: options.componentDeferAfterMs ?? 1500,
      inFlight: this.inFlight,
    };
    registerListeners(this.client, listeners);
    this.listen = (client) => {
      client.on('error', (error) => logger.error({ platform: 'discord', err: error }, 'discord client error'));
      registerListeners(client, { ...listeners, botUserId: () => client.user?.id });
    };
  }

  attach(mlq: Mlq): void {
    this.mlq = mlq;
  }

  /** Resolves once the events and interactions already taken are handled and answered. */
  drain(): Promise<void> {
    return this.inFlight.idle();
  }

  private core(): Mlq {
    if (!this.mlq) throw new Error('the Discord platform is not attached to the core');
    return this.mlq;
  }

  /** Logs in (refusing clearly on close code 4014), registers `/mlq` and reports the invite URL. */
  async start(): Promise<StartedPlatform> {
    if (this.options.sharding) return this.startLeased(this.options.sharding);
    await loginGateway(this.client, this.config.token);
    const application = this.client.application!.id;
    const route = this.config.guildId
      ? Routes.applicationGuildCommands(application, this.config.guildId)
      : Routes.applicationCommands(application);
    await this.client.rest.put(route, { body: applicationCommands() });
    const invite = this.client.generateInvite({
      scopes: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands],
      permissions: INVITE_PERMISSIONS,
    });
    return { message: `connected to Discord; invite mlq to a server with ${invite}`, fields: { application, invite } };
  }

  /**
   * With leased shards: checks the token, takes this replica's share of the shards (Discord's recommended count unless
   * DISCORD_SHARD_COUNT is set), registers `/mlq` and reports the invite URL; the platform's own client only does REST.
   */
  private async startLeased(sharding: NonNullable<DiscordOptions['sharding']>): Promise<StartedPlatform> {
    this.client.rest.setToken(this.config.token);
    const gateway = (await this.client.rest.get(Routes.gatewayBot())) as { shards: number };
    const application = ((await this.client.rest.get(Routes.currentApplication())) as { id: string }).id;
    const count = this.config.shards === 'auto' ? Math.max(1, gateway.shards) : this.config.shards.count;
    const ids = this.config.shards === 'auto' ? Array.from({ length: count }, (_, i) => i) : this.config.shards.ids;
    const gateways = new ShardGateways(this.client.options, this.config.token, count, this.listen);
    this.ownership = new ShardOwnership({
      ...sharding,
      ids,
      count,
      logger: this.logger,
      open: (id) => gateways.open(id),
      close: (id) => gateways.close(id),
    });
    await this.ownership.start();
    const route = this.config.guildId
      ? Routes.applicationGuildCommands(application, this.config.guildId)
      : Routes.applicationCommands(application);
    await this.client.rest.put(route, { body: applicationCommands() });
    const query = new URLSearchParams({
      client_id: application,
      scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
      permissions: PermissionsBitField.resolve(INVITE_PERMISSIONS).toString(),
    });
    const invite = `${this.client.options.rest?.api}${Routes.oauth2Authorization()}?${query}`;
    const shards = this.ownership.owned();
    return {
      message: `connected to Discord (shards ${shards.join(', ') || 'none yet'} of ${count}); invite mlq to a server with ${invite}`,
      fields: { application, invite, shards, shardCount: count },
    };
  }

  /** Stops taking interactions: closes the leased shards' gateways and gives their leases back; REST still works. */
  async pause(): Promise<void> {
    await this.ownership?.stop();
  }

  async stop(): Promise<void> {
    await this.ownership?.stop();
    await this.client.destroy();
  }

  /** The intent refusal, a refused token, or Discord out of reach (naming the address), each in one sentence. */
  startFailure(error: unknown): string {
    if (error instanceof MessageContentRefusedError) return error.message;
    if ((error as { code?: string }).code === 'TokenInvalid' || (error as { status?: number }).status === 401) {
      return 'DISCORD_TOKEN was refused by Discord; copy the token from the Bot page of your application in the Developer Portal.';
    }
    const unreachable = networkCode(error);
    if (unreachable) {
      return (
        `Discord could not be reached at ${this.config.apiUrl ?? 'https://discord.com/api'} (${unreachable}); ` +
        `the token was not checked. Check the network, a proxy, or DISCORD_API_URL.`
      );
    }
    return `Discord refused to start mlq (${(error as Error).message}).`;
  }
}
