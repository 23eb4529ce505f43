import type { CoreDeps } from './deps.ts';
import type { ActionEvent } from './events.ts';
import type { InteractionReply } from './interactions.ts';
import { buttons, type Card, card, text } from './message.ts';
import { isListedAdmin } from './organisers.ts';
import type { Member } from './types.ts';

/** The button that confirms an erasure; its value is the id of the member to erase. */
export const FORGET_ACTION = 'forget.confirm';

/** Who may erase `targetId`: the member themself, or an operator listed in MLQ_ADMINS (not a channel's organisers). */
export const mayErase = (admins: string[], actorId: string, targetId: string): boolean =>
  actorId === targetId || isListedAdmin(admins, actorId);

const WHAT = 'answers, grades, review cards, reminders, points, streaks and name';

/** The private card that asks to confirm an erasure, with a button and the typed command that does the same. */
export function forgetConfirmCard(target: string, self: boolean): Card {
  const whose = self ? 'your' : 'this member’s';
  const typed = self ? '/mlq forget me confirm' : `/mlq forget <@${target}> confirm`;
  return card(self ? 'Erase your data?' : 'Erase this member’s data?', [
    text(
      `This erases ${whose} ${WHAT} in every channel of this community, at once and for good. ` +
        'Messages in the chat itself stay where they are: delete them there. Press the button, or type `' +
        typed +
        '`.',
    ),
    buttons([{ label: 'Erase everything', action: FORGET_ACTION, value: target, command: typed, style: 'danger' }]),
  ]);
}

/** Erases a member after the confirmation, re-checking who may; the sentence to reply with. */
export async function eraseConfirmed(deps: CoreDeps, actor: Member, targetId: string): Promise<string> {
  if (!mayErase(deps.admins, actor.id, targetId)) {
    return 'Only the member themself, or an operator listed in MLQ_ADMINS, can erase a member’s data.';
  }
  const report = await deps.repo.eraseMember(targetId);
  deps.logger.info({ tables: report }, 'member data erased');
  if (Object.keys(report).length === 0) return 'There was nothing to erase: mlq holds no data about that member.';
  return actor.id === targetId
    ? `Done: your ${WHAT} are erased in every channel of this community. If you use mlq again, it starts afresh.`
    : `Done: that member’s ${WHAT} are erased in every channel of this community.`;
}

/** The erase button: re-checks who pressed it and erases. */
export async function confirmForget(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  return { kind: 'notice', text: await eraseConfirmed(deps, event.actor, event.value) };
}
