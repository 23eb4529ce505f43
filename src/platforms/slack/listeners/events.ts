import type { App } from '@slack/bolt';
import { classifyMessage, ids, plainMessageText, type SlackMessageEvent } from '../parse.ts';
import { actor, type SlackListenerContext } from './context.ts';

/**
 * Thread replies, direct messages (`message.im`, a mock interview), edits and deletions (`message`), reactions
 * (`reaction_added`), and the App Home tab opened (`app_home_opened`) as the core's events.
 */
export function registerEvents(app: App, ctx: SlackListenerContext): void {
  app.event('message', async ({ event, body }) => {
    const team = (body as { team_id?: string }).team_id ?? '';
    const action = classifyMessage(event as unknown as SlackMessageEvent, ctx.botUserId());
    if (action.kind === 'reply') {
      await ctx.core().threadMessage({
        channelId: ids.channel(team, action.channel),
        communityId: ids.community(team),
        threadId: ids.message(team, action.channel, action.threadTs),
        messageId: ids.message(team, action.channel, action.ts),
        author: await actor(ctx, team, action.user),
        text: plainMessageText(action.text),
      });
    } else if (action.kind === 'direct') {
      await ctx.core().directMessage({
        conversationId: ids.channel(team, action.channel),
        messageId: ids.message(team, action.channel, action.ts),
        author: await actor(ctx, team, action.user),
        text: plainMessageText(action.text),
      });
    } else if (action.kind === 'edit') {
      await ctx.core().messageEdited({
        messageId: ids.message(team, action.channel, action.ts),
        text: plainMessageText(action.text),
        channelId: ids.channel(team, action.channel),
        communityId: ids.community(team),
        threadId: action.threadTs ? ids.message(team, action.channel, action.threadTs) : undefined,
        author: action.user ? await actor(ctx, team, action.user) : undefined,
      });
    } else if (action.kind === 'delete') {
      await ctx.core().messageDeleted({ messageId: ids.message(team, action.channel, action.ts) });
    }
  });

  app.event('reaction_added', async ({ event, body }) => {
    if (event.item.type !== 'message') return;
    const team = (body as { team_id?: string }).team_id ?? '';
    await ctx.core().reaction({
      channelId: ids.channel(team, event.item.channel),
      communityId: ids.community(team),
      messageId: ids.message(team, event.item.channel, event.item.ts),
      member: await actor(ctx, team, event.user),
    });
  });

  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const team = (body as { team_id?: string }).team_id ?? '';
    await ctx.core().homeOpened(await actor(ctx, team, event.user), ids.community(team));
  });
}
