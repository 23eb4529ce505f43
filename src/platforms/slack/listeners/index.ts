import type { App } from '@slack/bolt';
import { registerActions } from './actions.ts';
import { registerCommands } from './commands.ts';
import type { SlackListenerContext } from './context.ts';
import { registerEvents } from './events.ts';
import { registerViews } from './views.ts';

/** Connects every inbound Slack listener; each only translates a Slack payload into a core call and renders the answer. */
export function registerListeners(app: App, ctx: SlackListenerContext): void {
  registerCommands(app, ctx);
  registerEvents(app, ctx);
  registerActions(app, ctx);
  registerViews(app, ctx);
}
