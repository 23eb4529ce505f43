import type { App, RespondFn, webApi } from '@slack/bolt';
import type { InteractionReply } from '../../../core/interactions.ts';
import { ids } from '../parse.ts';
import { renderForm, renderMessages, renderNotice, type SlackMessage } from '../render.ts';
import { actor, type SlackListenerContext } from './context.ts';

/** Shows the core's answer to one member: through the interaction's response_url when there is one, else ephemerally. */
export async function replyPrivately(
  client: webApi.WebClient,
  to: { channel: string; user: string; respond?: RespondFn },
  reply: InteractionReply,
): Promise<void> {
  let messages: SlackMessage[] = [];
  if (reply.kind === 'card') messages = renderMessages(reply.card);
  else if (reply.kind === 'notice' || reply.kind === 'invalid') messages = [renderNotice(reply.text)];
  for (const message of messages) {
    if (to.respond) await to.respond({ response_type: 'ephemeral', replace_original: false, ...message });
    else await client.chat.postEphemeral({ channel: to.channel, user: to.user, ...message });
  }
}

interface ActionPayload {
  action_id: string;
  value?: string;
  selected_option?: { value: string };
}

/** Every button and menu: routed by its action id to the core, whose answer is a form (a modal) or a private reply. */
export function registerActions(app: App, ctx: SlackListenerContext): void {
  app.action({ type: 'block_actions' }, async ({ ack, body, client, respond }) => {
    await ack();
    const action = body.actions[0] as ActionPayload | undefined;
    if (!action) return;
    const team = body.team?.id ?? '';
    const fromHome = !body.channel && (body as { view?: { type?: string } }).view?.type === 'home';
    const channel = fromHome ? await directChannel(client, body.user.id) : (body.channel?.id ?? '');
    const reply = await ctx.core().action({
      channelId: ids.channel(team, channel),
      communityId: ids.community(team),
      actor: await actor(ctx, team, body.user.id),
      action: action.action_id,
      value: action.value ?? action.selected_option?.value ?? '',
    });
    if (reply.kind === 'form') {
      if (body.trigger_id) await client.views.open({ trigger_id: body.trigger_id, view: renderForm(reply.form, channel) });
      return;
    }
    if (fromHome) return replyInDirect(client, channel, reply);
    await replyPrivately(client, { channel, user: body.user.id, respond: body.response_url ? respond : undefined }, reply);
  });
}

/** The member's direct message with the bot (conversations.open, `im:write`), where a button of the Home tab answers. */
async function directChannel(client: webApi.WebClient, user: string): Promise<string> {
  const opened = await client.conversations.open({ users: user });
  return opened.channel?.id ?? '';
}

/** A Home tab button's answer: a message in the member's direct message, since the tab itself has no conversation. */
async function replyInDirect(client: webApi.WebClient, channel: string, reply: InteractionReply): Promise<void> {
  let messages: SlackMessage[] = [];
  if (reply.kind === 'card') messages = renderMessages(reply.card);
  else if (reply.kind === 'notice' || reply.kind === 'invalid') messages = [renderNotice(reply.text)];
  for (const message of messages) await client.chat.postMessage({ channel, unfurl_links: false, ...message });
}
