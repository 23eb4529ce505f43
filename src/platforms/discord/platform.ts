import { Client, GatewayIntentBits, OAuth2Scopes, Options, Partials, Routes } from 'discord.js';
import type { Mlq } from '../../core/app.ts';
import type { Logger } from '../../core/log.ts';
import type { Platform, StartedPlatform } from '../lifecycle.ts';
import type { DiscordConfig } from './config.ts';
import { registerListeners } from './listeners/index.ts';
import { DiscordPort } from './port.ts';
import { applicationCommands, INVITE_PERMISSIONS } from './render.ts';

/** Thrown when the gateway refuses the Message Content intent (close code 4014). */
export class MessageContentRefusedError extends Error {
  constructor() {
    super(
      'Discord refused the Message Content intent: enable "Message Content Intent" under Bot → Privileged Gateway Intents in the Developer Portal, or set DISCORD_MESSAGE_CONTENT=false to take answers only through the Answer button.',
    );
  }
}

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
}

/** Discord through discord.js v14: login, sharding and REST by the client; message events read from raw dispatches. */
export class DiscordPlatform implements Platform {
  readonly name = 'discord';
  readonly client: Client;
  readonly port: DiscordPort;
  readonly routes = [];
  private mlq?: Mlq;

  constructor(
    private readonly config: DiscordConfig,
    logger: Logger,
    options: DiscordOptions = {},
  ) {
    const intents = [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.GuildMessageReactions,
      GatewayIntentBits.DirectMessages,
    ];
    if (config.messageContent) intents.push(GatewayIntentBits.MessageContent);
    this.client = new Client({
      intents,
      /** Direct-message channels are not cached before their first message (mock interviews run in them). */
      partials: [Partials.Channel],
      ...(config.shards === 'auto' ? { shards: 'auto' as const } : { shards: config.shards.ids, shardCount: config.shards.count }),
      rest: config.apiUrl ? { api: config.apiUrl } : {},
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
    registerListeners(this.client, {
      core: () => this.core(),
      attached: () => this.mlq !== undefined,
      port: this.port,
      logger,
      botUserId: () => this.client.user?.id,
      messageContent: config.messageContent,
      deferAfterMs: options.deferAfterMs ?? 1500,
      componentDeferAfterMs: options.componentDeferAfterMs ?? 1500,
    });
  }

  attach(mlq: Mlq): void {
    this.mlq = mlq;
  }

  private core(): Mlq {
    if (!this.mlq) throw new Error('the Discord platform is not attached to the core');
    return this.mlq;
  }

  /** Logs in (refusing clearly on close code 4014), registers `/mlq` and reports the invite URL. */
  async start(): Promise<StartedPlatform> {
    const refused = new Promise<never>((_, reject) => {
      this.client.once('shardDisconnect', (event) => {
        if (event.code === 4014) reject(new MessageContentRefusedError());
      });
    });
    const ready = new Promise<void>((resolve) => this.client.once('clientReady', () => resolve()));
    try {
      await Promise.race([this.client.login(this.config.token).then(() => ready), refused]);
    } catch (error) {
      await this.client.destroy().catch(() => undefined);
      if (error instanceof MessageContentRefusedError || /disallowed intents/i.test(String((error as Error).message)))
        throw new MessageContentRefusedError();
      throw error;
    }
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

  async stop(): Promise<void> {
    await this.client.destroy();
  }

  /** The intent refusal, a refused token, or Discord out of reach (naming the address), each in one sentence. */
  startFailure(error: unknown): string {
    if (error instanceof MessageContentRefusedError) return error.message;
    if ((error as { code?: string }).code === 'TokenInvalid') {
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
