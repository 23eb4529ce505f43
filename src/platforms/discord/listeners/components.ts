import type { ButtonInteraction, ModalSubmitInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { InteractionReply } from '../../../core/interactions.ts';
import { customId, ids } from '../parse.ts';
import { interactionReply, renderForm, renderMessage } from '../render.ts';
import { actor, type DiscordListenerContext } from './index.ts';

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

/** Every button and select menu: routed by the action in its custom id (`action:value`) to the core. */
export async function handleComponent(
  ctx: DiscordListenerContext,
  interaction: ButtonInteraction | StringSelectMenuInteraction,
): Promise<void> {
  const { action, value } = customId(interaction.customId);
  const guild = interaction.guildId!;
  const reply = await ctx.core().action({
    channelId: ids.channel(guild, interaction.channelId),
    communityId: ids.community(guild),
    actor: actor(ctx, interaction),
    action,
    value: interaction.isStringSelectMenu() ? (interaction.values[0] ?? value) : value,
  });
  await replyPrivately(interaction, reply);
}
