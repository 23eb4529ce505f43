import type { App } from '@slack/bolt';
import { ids, neutralCommandText } from '../parse.ts';
import { renderMessages } from '../render.ts';
import { actor, type SlackListenerContext } from './index.ts';

/** `/mlq …`: acknowledged at once, answered through the command's response_url, in the channel or privately. */
export function registerCommands(app: App, ctx: SlackListenerContext): void {
  app.command('/mlq', async ({ command, ack, respond }) => {
    await ack();
    const team = command.team_id;
    const reply = await ctx.core().command({
      channelId: ids.channel(team, command.channel_id),
      communityId: ids.community(team),
      channelName: command.channel_name,
      actor: await actor(ctx, team, command.user_id),
      text: neutralCommandText(command.text ?? '', team),
    });
    for (const message of renderMessages(reply.card)) {
      await respond({ response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral', ...message });
    }
  });
}
