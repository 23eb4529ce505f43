import { type ButtonInteraction, MessageFlags, type ModalSubmitInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { InteractionReply } from '../../../core/interactions.ts';
import { customId, ids } from '../parse.ts';
import { interactionReply, NO_MENTIONS, renderForm, renderMessage } from '../render.ts';
import { actor, type DiscordListenerContext } from './context.ts';

/** Shows the core's answer to the member who acted: a modal, a private message, or a silent acknowledgement. */
export async function replyPrivately(
  interaction: ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction,
  reply: InteractionReply,
): Promise<void> {
  if (reply.kind === 'form' && !interaction.isModalSubmit()) await interaction.showModal(renderForm(reply.form) as never);
  else if (reply.kind === 'card') await interaction.reply(interactionReply(renderMessage(reply.card)));
  else if (reply.kind === 'notice' || reply.kind === 'invalid') await interaction.reply(interactionReply({ content: reply.text }));
  else await interaction.deferUpdate();
}

/** Finishes an interaction deferred because the core took long (an erasure on a large store); a modal can no longer open. */
async function finishDeferred(interaction: ButtonInteraction | StringSelectMenuInteraction, reply: InteractionReply): Promise<void> {
  if (reply.kind === 'card') {
    const message = renderMessage(reply.card);
    await interaction.editReply({ embeds: message.embeds, components: message.components as never, allowedMentions: NO_MENTIONS });
  } else if (reply.kind === 'none') await interaction.deleteReply();
  else {
    const content = reply.kind === 'form' ? 'That took too long to open here; press the button again.' : reply.text;
    await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
  }
}

/**
 * Every button and select menu: routed by the action in its custom id (`action:value`) to the core; deferred (privately)
 * when the core takes longer than `componentDeferAfterMs` (0: at once), so Discord's 3-second limit is met.
 */
export async function handleComponent(
  ctx: DiscordListenerContext,
  interaction: ButtonInteraction | StringSelectMenuInteraction,
): Promise<void> {
  const { action, value } = customId(interaction.customId);
  const guild = interaction.guildId!;
  let deferred: Promise<unknown> | null = null;
  const defer = () => (deferred = interaction.deferReply({ flags: MessageFlags.Ephemeral }));
  let timer: NodeJS.Timeout | undefined;
  if (ctx.componentDeferAfterMs > 0) timer = setTimeout(defer, ctx.componentDeferAfterMs);
  else defer();
  const reply = await ctx.core().action({
    channelId: ids.channel(guild, interaction.channelId),
    communityId: ids.community(guild),
    actor: actor(ctx, interaction),
    action,
    value: interaction.isStringSelectMenu() ? (interaction.values[0] ?? value) : value,
  });
  clearTimeout(timer);
  if (deferred) {
    await deferred;
    return finishDeferred(interaction, reply);
  }
  await replyPrivately(interaction, reply);
}
