import type { App } from '@slack/bolt';
import { formSubmission, ids } from '../parse.ts';
import { renderForm } from '../render.ts';
import { replyPrivately } from './actions.ts';
import { actor, type SlackListenerContext } from './context.ts';

/** Every modal submission: routed by its callback id to the core's form; a refusal keeps the modal open beside the field. */
export function registerViews(app: App, ctx: SlackListenerContext): void {
  app.view({ type: 'view_submission' }, async ({ ack, view, body, client }) => {
    const team = body.team?.id ?? '';
    const submitted = formSubmission(view);
    const reply = await ctx.core().submit({
      channelId: ids.channel(team, submitted.channel),
      communityId: ids.community(team),
      actor: await actor(ctx, team, body.user.id),
      form: submitted.form,
      value: submitted.value,
      fields: submitted.fields,
      submissionId: `slack:${team}:view:${view.id}`,
    });
    if (reply.kind === 'invalid') return ack({ response_action: 'errors', errors: reply.errors ?? { [reply.field]: reply.text } });
    if (reply.kind === 'form') return ack({ response_action: 'update', view: renderForm(reply.form, submitted.channel) });
    await ack();
    if (submitted.channel) await replyPrivately(client, { channel: submitted.channel, user: body.user.id }, reply);
  });
}
