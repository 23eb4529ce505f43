import type { App, RespondFn, webApi } from '@slack/bolt';
import type { CommandReply } from '../../../core/commands/spec.ts';
import { ids, neutralCommandText } from '../parse.ts';
import { renderForm, renderMessages } from '../render.ts';
import { uploadForCommand } from '../upload.ts';
import { actor, type SlackListenerContext } from './context.ts';

/**
 * `/mlq …`: acknowledged at once, answered through the command's response_url, in the channel or privately; a reply
 * with a form opens it as a modal (the card, which says how to open it, is the answer when the modal cannot open).
 */
export function registerCommands(app: App, ctx: SlackListenerContext): void {
  app.command('/mlq', async ({ command, ack, respond, client }) => {
    await ack();
    const team = command.team_id;
    const reply = await ctx.core().command({
      channelId: ids.channel(team, command.channel_id),
      communityId: ids.community(team),
      channelName: command.channel_name,
      actor: await actor(ctx, team, command.user_id),
      text: neutralCommandText(command.text ?? '', team),
    });
    if (reply.form) {
      const opened = await client.views
        .open({ trigger_id: command.trigger_id, view: renderForm(reply.form, command.channel_id) })
        .then(() => true)
        .catch(() => false);
      if (opened) return;
    }
    for (const message of renderMessages(reply.card)) {
      await respond({ response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral', ...message });
    }
    if (reply.images?.length) await sendImages(ctx, client, command.user_id, command.channel_id, reply, respond);
  });
}

/**
 * Uploads a command's charts (a private reply's into the member's direct message) and says where they went; when
 * the upload fails, the member gets their alt text instead and the text reply stands.
 */
async function sendImages(
  ctx: SlackListenerContext,
  client: webApi.WebClient,
  user: string,
  channel: string,
  reply: CommandReply,
  respond: RespondFn,
): Promise<void> {
  const images = reply.images ?? [];
  try {
    const where = await uploadForCommand(client, user, channel, reply.visibility, images);
    const charts = images.length === 1 ? 'Your chart is' : 'Your charts are';
    if (where === 'direct') await respond({ response_type: 'ephemeral', text: `${charts} in your direct messages with mlq.` });
  } catch (error) {
    ctx.core().deps.logger.warn({ platform: 'slack', err: error }, 'charts could not be uploaded; their alt text was sent instead');
    const words = images.map((i) => `• ${i.alt}`).join('\n');
    await respond({
      response_type: 'ephemeral',
      text: `The charts could not be uploaded (does the app have \`files:write\`?). What they show:\n${words}`,
    });
  }
}
