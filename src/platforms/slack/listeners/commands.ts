import type { App } from '@slack/bolt';
import { ids, neutralCommandText } from '../parse.ts';
import { renderForm, renderMessages } from '../render.ts';
import { actor, type SlackListenerContext } from './index.ts';

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
  });
}
