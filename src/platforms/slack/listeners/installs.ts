import type { App } from '@slack/bolt';
import type { SlackOAuth } from '../oauth.ts';
import { ids } from '../parse.ts';
import type { SlackListenerContext } from './context.ts';

/**
 * With the OAuth flow: `app_uninstalled`, and `tokens_revoked` for the bot's token, delete the workspace's
 * installation and pause its channels; a reinstall resumes them (see SlackOAuth's callback). Bolt delivers both
 * events without authorising them, as the workspace's token is already gone.
 */
export function registerInstallEvents(app: App, ctx: SlackListenerContext, oauth: SlackOAuth): void {
  app.event('app_uninstalled', async ({ context }) => {
    if (!context.teamId) return;
    await oauth.uninstalled(context.teamId, context.enterpriseId, context.isEnterpriseInstall);
    await ctx.core().accessLost(ids.community(context.teamId), 'app_uninstalled');
  });

  app.event('tokens_revoked', async ({ event, context }) => {
    if (!context.teamId || !event.tokens.bot?.length) return;
    await oauth.uninstalled(context.teamId, context.enterpriseId, context.isEnterpriseInstall);
    await ctx.core().accessLost(ids.community(context.teamId), 'tokens_revoked');
  });
}
