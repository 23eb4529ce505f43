import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import { GRADE_FORM } from '../../../core/grade-cards.ts';
import { customId, DIRECT, ids } from '../parse.ts';
import { replyPrivately } from './components.ts';
import type { DiscordListenerContext } from './context.ts';
import { modalFields } from './modals.ts';

/** A mock's grade ref (`m:12`): the only grade a direct message can carry. */
const MOCK_REF = /^m:\d{1,9}$/;

/**
 * Buttons and forms pressed in a direct message, which Discord sends outside any server: only a mock interview's Done
 * button and its checklist. The ids are the direct-message channel's (`discord:@me:…`); the core checks the session's
 * conversation and grades as the member the session belongs to.
 */
export async function handleDirect(ctx: DiscordListenerContext, interaction: ButtonInteraction | ModalSubmitInteraction): Promise<void> {
  const { action, value } = customId(interaction.customId);
  const allowed = action === 'mock.done' || ((action === 'grade.open' || action === GRADE_FORM) && MOCK_REF.test(value));
  if (!allowed || !interaction.channelId) return;
  const base = {
    channelId: ids.channel(DIRECT, interaction.channelId),
    communityId: ids.community(DIRECT),
    actor: { id: ids.member(DIRECT, interaction.user.id), name: interaction.user.globalName ?? interaction.user.username },
  };
  if (interaction.isModalSubmit()) {
    const fields = modalFields(interaction);
    const submissionId = `discord:${DIRECT}:interaction:${interaction.id}`;
    await replyPrivately(interaction, await ctx.core().submit({ ...base, form: action, value, fields, submissionId }));
    return;
  }
  await replyPrivately(interaction, await ctx.core().action({ ...base, action, value }));
}
