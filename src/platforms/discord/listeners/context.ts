import { type Interaction, PermissionFlagsBits } from 'discord.js';
import type { Mlq } from '../../../core/app.ts';
import type { InFlight } from '../../../core/in-flight.ts';
import type { Logger } from '../../../core/log.ts';
import type { Member } from '../../../core/types.ts';
import { ids } from '../parse.ts';
import type { DiscordPort } from '../port.ts';

/** What every Discord listener needs: the core (attached after set-up), the port, and how the client was configured. */
export interface DiscordListenerContext {
  core(): Mlq;
  attached(): boolean;
  port: DiscordPort;
  logger: Logger;
  botUserId(): string | undefined;
  /** Whether thread replies are read (the Message Content intent); without it answers come only through the form. */
  messageContent: boolean;
  /** How long a command may run before its interaction is deferred (Discord allows 3 s); 0 defers every command. */
  deferAfterMs: number;
  /** The same for a button or menu (a deferred one can no longer open a form). */
  componentDeferAfterMs: number;
  /** The handlers running now, replies included, for stopping to wait on. */
  inFlight: InFlight;
}

type MemberInteraction = Extract<Interaction, { memberPermissions: unknown }>;

/** The member behind an interaction, noting for isAdmin whether they may manage the channel. */
export function actor(ctx: DiscordListenerContext, interaction: MemberInteraction): Member {
  const guild = interaction.guildId!;
  const member = interaction.member as { nick?: string | null; displayName?: string } | null;
  const name = member?.displayName ?? member?.nick ?? interaction.user.globalName ?? interaction.user.username;
  const id = ids.member(guild, interaction.user.id);
  ctx.port.noteOrganiser(
    ids.channel(guild, interaction.channelId!),
    id,
    Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)),
  );
  return { id, name };
}
