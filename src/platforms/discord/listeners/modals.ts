import type { ModalSubmitInteraction } from 'discord.js';
import { customId, ids } from '../parse.ts';
import { replyPrivately } from './components.ts';
import { actor, type DiscordListenerContext } from './context.ts';

/** Every modal submission: routed by the form in its custom id (`form:value`) to the core, answered privately; ticked checkboxes arrive joined by commas. */
export async function handleModal(ctx: DiscordListenerContext, interaction: ModalSubmitInteraction): Promise<void> {
  const { action: form, value } = customId(interaction.customId);
  const guild = interaction.guildId!;
  const fields = modalFields(interaction);
  const reply = await ctx.core().submit({
    channelId: ids.channel(guild, interaction.channelId!),
    communityId: ids.community(guild),
    actor: actor(ctx, interaction),
    form,
    value,
    fields,
    submissionId: `discord:${guild}:interaction:${interaction.id}`,
  });
  await replyPrivately(interaction, reply);
}

/** A submitted modal's fields by custom id: text as typed, ticked checkboxes joined by commas. */
export function modalFields(interaction: ModalSubmitInteraction): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of interaction.fields.fields.values()) {
    if ('value' in field && typeof field.value === 'string') fields[field.customId] = field.value;
    else if ('values' in field && Array.isArray(field.values)) fields[field.customId] = field.values.join(',');
  }
  return fields;
}
