import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { imageFiles } from '../attachments.ts';
import { commandLine, ids, type RawOption } from '../parse.ts';
import { interactionReply, NO_MENTIONS, renderForm, renderMessages } from '../render.ts';
import { actor, type DiscordListenerContext } from './context.ts';

/**
 * `/mlq <sub>`: run by the core, deferred when it takes long, answered in the channel or privately; a reply with a form
 * opens it as a modal unless the command was deferred already (then its card, with the button that opens it).
 */
export async function handleCommand(ctx: DiscordListenerContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const guild = interaction.guildId!;
  const text = commandLine((interaction.options.data as unknown as RawOption[]) ?? [], guild, interaction.commandName);
  const guessPublic = ctx.core().expectsPublicReply(text);
  let deferred: Promise<unknown> | null = null;
  const defer = () => (deferred = interaction.deferReply(guessPublic ? {} : { flags: MessageFlags.Ephemeral }));
  let timer: NodeJS.Timeout | undefined;
  if (ctx.deferAfterMs > 0) timer = setTimeout(defer, ctx.deferAfterMs);
  else defer();
  const reply = await ctx.core().command({
    channelId: ids.channel(guild, interaction.channelId),
    communityId: ids.community(guild),
    channelName: (interaction.channel as { name?: string } | null)?.name,
    actor: actor(ctx, interaction),
    text,
  });
  clearTimeout(timer);
  if (reply.form && !deferred) {
    await interaction.showModal(renderForm(reply.form) as never);
    return;
  }
  const [first, ...rest] = renderMessages(reply.card);
  const visible = reply.visibility === 'public';
  if (deferred) await deferred;
  const answer = async (files: ReturnType<typeof imageFiles>) => {
    if (deferred) {
      await interaction.editReply({ embeds: first!.embeds, components: first!.components as never, allowedMentions: NO_MENTIONS, files });
    } else {
      await interaction.reply({ ...interactionReply(first!, visible), files });
    }
  };
  const files = imageFiles(reply.images);
  await answer(files).catch(async (error: unknown) => {
    if (!files.length) throw error;
    ctx.core().deps.logger.warn({ platform: 'discord', err: error }, 'the charts were refused; the reply went without them');
    await answer([]);
  });
  for (const more of rest) await interaction.followUp(interactionReply(more, visible));
}
