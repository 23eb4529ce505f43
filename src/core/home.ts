import { streakView } from './commands/member-commands.ts';
import type { CoreDeps } from './deps.ts';
import { type HomeData, homeCard, nextQuestionAt } from './home-dashboard.ts';
import { platformOf } from './port.ts';
import type { Member } from './types.ts';

/**
 * What a member's dashboard shows: the channels of their community they took part in (all of its channels while they
 * have taken part in none), their streak and next question there, and their reviews and mastery.
 */
export async function loadHome(deps: CoreDeps, memberId: string): Promise<HomeData> {
  const now = deps.clock.now();
  const [all, learning, reminder] = await Promise.all([
    deps.repo.memberChannels(memberId),
    deps.repo.learningStats(memberId, now),
    deps.repo.reminder(memberId),
  ]);
  const joined = all.filter((c) => c.joined);
  const shown = (joined.length ? joined : all).map((c) => c.channel);
  const channels = await Promise.all(
    shown.map(async (channel) => {
      const view = await streakView(deps, channel, memberId);
      return {
        name: channel.name || channel.id,
        streak: view.current,
        best: view.best,
        freezes: view.freezes,
        awayUntil: view.awayUntil,
        nextQuestionAt: nextQuestionAt(channel, now),
        timezone: reminder?.timezone ?? channel.timezone,
      };
    }),
  );
  return { channels, learning, timezone: reminder?.timezone ?? shown[0]?.timezone ?? deps.defaults.timezone };
}

/**
 * Publishes a member's dashboard where their platform has one (Slack's App Home); a failure is logged and never
 * reaches the caller, so a grade is saved whether or not its home could be updated. True when it was published.
 */
export async function publishHome(deps: CoreDeps, memberId: string): Promise<boolean> {
  if (!deps.ports.has(memberId)) return false;
  const publish = deps.ports.for(memberId).publishHome;
  if (!publish) return false;
  try {
    await publish(memberId, homeCard(await loadHome(deps, memberId)));
    return true;
  } catch (error) {
    deps.logger.warn({ err: error, member: memberId }, 'the home tab could not be published');
    return false;
  }
}

/** A member opened their home tab: known from now on in their community, and shown their dashboard. */
export async function homeOpened(deps: CoreDeps, member: Member, communityId: string): Promise<boolean> {
  await deps.repo.upsertCommunity(communityId, platformOf(member.id), '');
  await deps.repo.upsertMember(member, communityId);
  return publishHome(deps, member.id);
}
