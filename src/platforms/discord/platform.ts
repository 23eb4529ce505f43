import { createHash } from 'node:crypto';
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
  OAuth2Scopes,
  Options,
  PermissionFlagsBits,
  Routes,
} from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { Mlq } from '../../core/app.ts';
import type { Logger } from '../../core/log.ts';
import type { Card } from '../../core/message.ts';
import { type Ack, ChannelUnavailableError, type ChatPort, type PostedMessage } from '../../core/port.ts';
import type { DiscordConfig } from './config.ts';
import { channelId, classifyDispatch, commandLine, communityId, decode, memberId, messageId, type RawOption, userOf } from './parse.ts';
import { ACK_EMOJI, INVITE_PERMISSIONS, mlqCommand, renderMessage, renderMessages, sealedAnswerModal } from './render.ts';

/** Discord REST errors that mean the channel is gone or closed to the bot (Unknown Channel, Missing Access, Missing Permissions). */
const CHANNEL_GONE = new Set([10003, 50001, 50013]);
/** "A thread has already been created for this message": a repeated post after a crash; the thread shares the message id. */
const THREAD_EXISTS = 160004;

/**
 * Discord's own dedupe: a message sent again with the same nonce within a few minutes returns the first one instead
 * of posting twice (enforce_nonce), which covers a crash between posting and recording within the lease.
 */
const nonce = (key?: string) => (key ? { nonce: createHash('sha256').update(key).digest('base64url').slice(0, 25), enforce_nonce: true } : {});

/** Thrown when the gateway refuses the Message Content intent (close code 4014). */
export class MessageContentRefusedError extends Error {
  constructor() {
    super(
      'Discord refused the Message Content intent: enable "Message Content Intent" under Bot → Privileged Gateway Intents in the Developer Portal, or set DISCORD_MESSAGE_CONTENT=false to take answers only through the Answer button.',
    );
  }
}

export interface DiscordOptions {
  /** How long a command may run before its interaction is deferred (Discord allows 3 s); 0 defers every command. */
  deferAfterMs?: number;
}

/** Discord through discord.js v14: login, sharding and REST by the client; message events read from raw dispatches. */
export class DiscordPlatform implements ChatPort {
  readonly platform = 'discord';
  readonly answersInThread: boolean;
  readonly client: Client;
  private mlq?: Mlq;
  private readonly deferAfterMs: number;
  /** Whether a member may organise a channel, as their last interaction there reported; bounded. */
  private readonly organisers = new LRUCache<string, boolean>({ max: 50_000 });

  constructor(
    private readonly config: DiscordConfig,
    private readonly logger: Logger,
    options: DiscordOptions = {},
  ) {
    this.answersInThread = config.messageContent;
    this.deferAfterMs = options.deferAfterMs ?? 1500;
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions];
    if (config.messageContent) intents.push(GatewayIntentBits.MessageContent);
    this.client = new Client({
      intents,
      ...(config.shards === 'auto' ? { shards: 'auto' as const } : { shards: config.shards.ids, shardCount: config.shards.count }),
      rest: config.apiUrl ? { api: config.apiUrl } : {},
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
    this.client.on('raw', (packet: { t?: string; d?: unknown }) => void this.dispatch(packet));
    this.client.on('interactionCreate', (interaction) => void this.interaction(interaction));
    this.client.on('error', (error) => logger.error({ platform: 'discord', err: error }, 'discord client error'));
  }

  attach(mlq: Mlq): void {
    this.mlq = mlq;
  }

  private core(): Mlq {
    if (!this.mlq) throw new Error('the Discord platform is not attached to the core');
    return this.mlq;
  }

  /** Logs in (refusing clearly on close code 4014), registers `/mlq` and returns the invite URL. */
  async start(): Promise<{ invite: string; application: string }> {
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
      if (error instanceof MessageContentRefusedError || /disallowed intents/i.test(String((error as Error).message))) throw new MessageContentRefusedError();
      throw error;
    }
    const application = this.client.application!.id;
    const route = this.config.guildId ? Routes.applicationGuildCommands(application, this.config.guildId) : Routes.applicationCommands(application);
    await this.client.rest.put(route, { body: [mlqCommand()] });
    const invite = this.client.generateInvite({ scopes: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands], permissions: INVITE_PERMISSIONS });
    return { invite, application };
  }

  async stop(): Promise<void> {
    await this.client.destroy();
  }

  private async dispatch(packet: { t?: string; d?: unknown }): Promise<void> {
    if (!packet.t || !this.mlq) return;
    const action = classifyDispatch(packet.t, packet.d, this.client.user?.id);
    try {
      const core = this.core();
      if (action.kind === 'reply') {
        if (!this.config.messageContent) return;
        await core.threadMessage({
          channelId: channelId(action.guild, action.thread),
          communityId: communityId(action.guild),
          threadId: channelId(action.guild, action.thread),
          messageId: messageId(action.guild, action.thread, action.message),
          author: { id: memberId(action.guild, action.user), name: action.name },
          text: action.text,
        });
      } else if (action.kind === 'edit') {
        await core.messageEdited({
          messageId: messageId(action.guild, action.channel, action.message),
          text: action.text,
          channelId: channelId(action.guild, action.channel),
          communityId: communityId(action.guild),
          threadId: channelId(action.guild, action.channel),
          author: action.user ? { id: memberId(action.guild, action.user), name: action.name ?? action.user } : undefined,
        });
      } else if (action.kind === 'delete') {
        await core.messageDeleted({ messageId: messageId(action.guild, action.channel, action.message) });
      } else if (action.kind === 'reaction') {
        await core.reaction({
          channelId: channelId(action.guild, action.channel),
          communityId: communityId(action.guild),
          messageId: messageId(action.guild, action.channel, action.message),
          member: { id: memberId(action.guild, action.user), name: action.name },
        });
      }
    } catch (error) {
      this.logger.error({ platform: 'discord', event: packet.t, err: error }, 'a Discord event could not be handled');
    }
  }

  private async interaction(interaction: Interaction): Promise<void> {
    try {
      if (!interaction.guildId) return;
      if (interaction.isChatInputCommand() && interaction.commandName === 'mlq') await this.command(interaction);
      else if (interaction.isButton()) await this.button(interaction);
      else if (interaction.isModalSubmit() && interaction.customId.startsWith('mlq.sealed:')) await this.sealed(interaction);
    } catch (error) {
      this.logger.error({ platform: 'discord', err: error, reason: (error as Error).message }, 'a Discord interaction failed');
    }
  }

  private actor(interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction) {
    const guild = interaction.guildId!;
    const member = interaction.member as { nick?: string | null; displayName?: string } | null;
    const name = member?.displayName ?? member?.nick ?? interaction.user.globalName ?? interaction.user.username;
    const id = memberId(guild, interaction.user.id);
    const canManage = Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels));
    this.organisers.set(`${channelId(guild, interaction.channelId!)}|${id}`, canManage);
    return { id, name };
  }

  private async command(interaction: ChatInputCommandInteraction): Promise<void> {
    const guild = interaction.guildId!;
    const text = commandLine((interaction.options.data as unknown as RawOption[]) ?? [], guild);
    const guessPublic = this.core().expectsPublicReply(text);
    let deferred: Promise<unknown> | null = null;
    const defer = () => (deferred = interaction.deferReply(guessPublic ? {} : { flags: MessageFlags.Ephemeral }));
    const timer = this.deferAfterMs > 0 ? setTimeout(defer, this.deferAfterMs) : (defer(), undefined);
    const reply = await this.core().command({
      channelId: channelId(guild, interaction.channelId),
      communityId: communityId(guild),
      channelName: (interaction.channel as { name?: string } | null)?.name,
      actor: this.actor(interaction),
      text,
    });
    clearTimeout(timer);
    const [first, ...rest] = renderMessages(reply.card);
    const ephemeral = reply.visibility === 'private' ? { flags: MessageFlags.Ephemeral as const } : {};
    if (deferred) {
      await deferred;
      await interaction.editReply(first as never);
    } else {
      await interaction.reply({ ...(first as object), ...ephemeral } as never);
    }
    for (const more of rest) await interaction.followUp({ ...(more as object), ...ephemeral } as never);
  }

  private async button(interaction: ButtonInteraction): Promise<void> {
    const [action, value] = interaction.customId.split(':') as [string, string | undefined];
    const guild = interaction.guildId!;
    if (action === 'answer.sealed') {
      const round = await this.core().roundQuestion(Number(value));
      if (!round?.open) {
        await interaction.reply({ content: 'This round is revealed already: reply to a probe in its thread instead.', flags: MessageFlags.Ephemeral });
        return;
      }
      await interaction.showModal(sealedAnswerModal(value!, round.prompt) as never);
      return;
    }
    const reply = await this.core().button({ channelId: channelId(guild, interaction.channelId), communityId: communityId(guild), actor: this.actor(interaction), action, value: value ?? '' });
    await interaction.reply({ ...(renderMessage(reply.card) as object), flags: MessageFlags.Ephemeral } as never);
  }

  private async sealed(interaction: ModalSubmitInteraction): Promise<void> {
    const guild = interaction.guildId!;
    const outcome = await this.core().sealedAnswer({
      channelId: channelId(guild, interaction.channelId!),
      communityId: communityId(guild),
      roundId: Number(interaction.customId.split(':')[1]),
      author: this.actor(interaction),
      text: interaction.fields.getTextInputValue('answer'),
      submissionId: `discord:${guild}:interaction:${interaction.id}`,
    });
    const replies: Record<string, string> = {
      answer: 'Sealed: your answer is stored and counts. Everyone sees it at the reveal.',
      duplicate: 'Sealed: your answer is stored.',
      closed: 'This round is revealed already, so it takes no more answers.',
      'already-answered': 'You have answered this round already; later replies are discussion.',
      empty: 'Write an answer first.',
    };
    await interaction.reply({ content: replies[outcome] ?? 'Done.', flags: MessageFlags.Ephemeral });
  }

  private gone(error: unknown, id: string): never {
    if (error instanceof DiscordAPIError && typeof error.code === 'number' && CHANNEL_GONE.has(error.code)) {
      throw new ChannelUnavailableError(id, `${error.code} ${error.message}`);
    }
    throw error;
  }

  async post(id: string, card: Card, key?: string): Promise<PostedMessage> {
    const ref = decode(id)!;
    const message = (await this.client.rest
      .post(Routes.channelMessages(ref.channel), { body: { ...renderMessage(card), ...nonce(key) } })
      .catch((error) => this.gone(error, id))) as { id: string };
    const title = (card.fallback.split('\n')[0] ?? 'Question').replace(/^Question of the day \(([^)]*)\):?.*/, 'Question of the day · $1');
    const thread = (await this.client.rest
      .post(Routes.threads(ref.channel, message.id), { body: { name: title.slice(0, 100), auto_archive_duration: 1440 } })
      .catch((error) => (error instanceof DiscordAPIError && error.code === THREAD_EXISTS ? { id: message.id } : this.gone(error, id)))) as { id: string };
    return { messageId: messageId(ref.guild, ref.channel, message.id), threadId: channelId(ref.guild, thread.id) };
  }

  async reply(threadId: string, card: Card, key?: string): Promise<{ messageId: string }> {
    const ref = decode(threadId)!;
    let first: string | undefined;
    for (const [i, message] of renderMessages(card).entries()) {
      const body = { ...message, ...nonce(key && `${key}-${i}`) };
      const sent = (await this.client.rest.post(Routes.channelMessages(ref.channel), { body }).catch((error) => this.gone(error, threadId))) as { id: string };
      first ??= messageId(ref.guild, ref.channel, sent.id);
    }
    return { messageId: first! };
  }

  async update(id: string, card: Card): Promise<void> {
    const ref = decode(id)!;
    await this.client.rest.patch(Routes.channelMessage(ref.channel, ref.message!), { body: renderMessage(card) }).catch((error) => this.gone(error, id));
  }

  async react(id: string, ack: Ack): Promise<void> {
    const emoji = ACK_EMOJI[ack];
    const ref = decode(id);
    if (!emoji || !ref?.message) return;
    await this.client.rest
      .put(Routes.channelMessageOwnReaction(ref.channel, ref.message, encodeURIComponent(emoji)))
      .catch((error) => this.logger.warn({ platform: 'discord', err: error }, 'adding a reaction failed'));
  }

  async sendPrivate(member: string, _channel: string, card: Card): Promise<void> {
    const dm = (await this.client.rest.post(Routes.userChannels(), { body: { recipient_id: userOf(member) } })) as { id: string };
    await this.client.rest.post(Routes.channelMessages(dm.id), { body: renderMessage(card) });
  }

  /** Manage Channels on the channel, as the member's last interaction there reported it. */
  async isAdmin(channel: string, member: string): Promise<boolean> {
    return this.organisers.get(`${channel}|${member}`) ?? false;
  }
}
