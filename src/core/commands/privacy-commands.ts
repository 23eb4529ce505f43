import { eraseConfirmed, forgetConfirmCard, mayErase } from '../erasure.ts';
import { HIDDEN_NAME } from '../privacy.ts';
import { literal, mention, words } from './args.ts';
import { privately, say } from './reply.ts';
import { defineCommand } from './spec.ts';

export const privacy = defineCommand({
  name: 'privacy',
  summary: `Hide your name on boards, digests and the archive (shown as “${HIDDEN_NAME}”), or show it again`,
  usage: '[hide|show]',
  organiserOnly: false,
  needsChannel: false,
  args: words({ choice: literal('hide', 'show') }),
  options: [{ name: 'choice', description: 'hide or show your name', kind: 'text', choices: [{ value: 'hide' }, { value: 'show' }] }],
  async run(ctx, args) {
    const actor = ctx.event.actor;
    if (!args.choice) {
      const hidden = await ctx.deps.repo.isHidden(actor.id);
      return say(
        hidden
          ? `Your name is hidden: boards, digests and archive results show you as “${HIDDEN_NAME}”. \`/mlq privacy show\` shows it again.`
          : `Your name is shown on boards, digests and archive results. \`/mlq privacy hide\` shows you as “${HIDDEN_NAME}” instead.`,
      );
    }
    const hide = args.choice === 'hide';
    await ctx.deps.repo.setHidden(actor, ctx.event.communityId, hide);
    return say(
      hide
        ? `Hidden: boards, digests and archive results in this community now show you as “${HIDDEN_NAME}”. Your points still count.`
        : 'Shown: boards, digests and archive results show your name again.',
    );
  },
});

export const forget = defineCommand({
  name: 'forget',
  summary: 'Erase your answers, grades, reviews, points and name in this community (asks to confirm)',
  usage: '[me] [confirm]',
  details: 'Operators listed in MLQ_ADMINS can erase another member: `/mlq forget @member`.',
  organiserOnly: false,
  needsChannel: false,
  args: words({ me: literal('me'), member: mention, confirm: literal('confirm') }),
  options: [
    { name: 'member', description: 'Operators only: the member to erase (default: you)', kind: 'member' },
    { name: 'confirm', description: 'Erase without asking again', kind: 'flag' },
  ],
  async run(ctx, args) {
    const actor = ctx.event.actor;
    const target = args.member ?? actor.id;
    if (args.me && args.member) return say('Write `/mlq forget me`, or (operators) `/mlq forget @member`, not both.');
    if (!mayErase(ctx.deps.admins, actor.id, target)) {
      return say(
        'Only the member themself, or an operator listed in MLQ_ADMINS, can erase a member’s data. `/mlq forget me` erases yours.',
      );
    }
    if (!args.confirm) return privately(forgetConfirmCard(target, target === actor.id));
    return say(await eraseConfirmed(ctx.deps, actor, target));
  },
});
