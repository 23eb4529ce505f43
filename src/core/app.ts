import { deleteAnswer, editAnswer, recordReaction, recordThreadMessage, type ThreadOutcome } from './answers.ts';
import { expectsPublicReply, runCommand } from './commands/run.ts';
import type { CommandReply } from './commands/spec.ts';
import { type AccessLost, accessLost, accessRestored } from './community-access.ts';
import type { CoreDeps } from './deps.ts';
import type {
  ActionEvent,
  CommandEvent,
  DirectMessageEvent,
  FormEvent,
  MessageDeletedEvent,
  MessageEditedEvent,
  ReactionEvent,
  ThreadMessageEvent,
} from './events.ts';
import { homeOpened } from './home.ts';
import { type InteractionReply, runAction, submitForm } from './interactions.ts';
import { answerTally } from './metrics.ts';
import { type MockOutcome, mockMessage } from './mock.ts';
import { platformOf } from './port.ts';
import { startToday } from './rounds.ts';
import { type PassOptions, type PassReport, schedulerPass } from './scheduler-pass.ts';
import type { Channel, Member, Round } from './types.ts';

/** The core as platforms see it: neutral events in, replies and port calls out. */
export class Mlq {
  constructor(readonly deps: CoreDeps) {}

  command(event: CommandEvent): Promise<CommandReply> {
    return runCommand(this.deps, event);
  }

  /** Whether a command line will be answered publicly, for platforms that must choose before the reply exists. */
  expectsPublicReply(text: string): boolean {
    return expectsPublicReply(text);
  }

  /** A button or menu choice, routed by its action id to a handler in the core's ACTIONS. */
  action(event: ActionEvent): Promise<InteractionReply> {
    return runAction(this.deps, event);
  }

  /** A submitted form, routed by its form id to a handler in the core's FORMS. */
  submit(event: FormEvent): Promise<InteractionReply> {
    return submitForm(this.deps, event);
  }

  /** A thread reply: an answer or discussion in a round's thread, else maybe a message in a mock's private thread. */
  async threadMessage(event: ThreadMessageEvent): Promise<ThreadOutcome> {
    const outcome = this.tally(await recordThreadMessage(this.deps, event), 'thread');
    if (outcome === 'ignored') {
      const { threadId: conversationId, messageId, author, text } = event;
      await mockMessage(this.deps, { conversationId, messageId, author, text });
    }
    return outcome;
  }

  /** A member's message in a private conversation mlq opened (a mock interview). */
  directMessage(event: DirectMessageEvent): Promise<MockOutcome> {
    return mockMessage(this.deps, event);
  }

  messageEdited(event: MessageEditedEvent): Promise<boolean> {
    return editAnswer(this.deps, event);
  }

  messageDeleted(event: MessageDeletedEvent): Promise<boolean> {
    return deleteAnswer(this.deps, event);
  }

  private tally<O extends string>(outcome: O, via: 'thread' | 'form'): O {
    const tally = answerTally(outcome, via);
    if (tally) this.deps.metrics?.answer(tally);
    return outcome;
  }

  /** A member opened their home tab (Slack's App Home): their dashboard is published; false where it could not be. */
  homeOpened(member: Member, communityId: string): Promise<boolean> {
    return homeOpened(this.deps, member, communityId);
  }

  reaction(event: ReactionEvent): Promise<boolean> {
    return recordReaction(this.deps, event);
  }

  /** One scheduler pass: due posts, lapsed posts, reveals and digests, each done once across replicas. */
  tick(options?: PassOptions): Promise<PassReport> {
    return schedulerPass(this.deps, options);
  }

  /** Subscribes a channel with the default schedule unless it exists; for the console and for tests. */
  async ensureChannel(channel: Omit<Channel, 'nextPostAt' | 'active' | 'organiserIds'> & Partial<Channel>): Promise<Channel> {
    const existing = await this.deps.repo.getChannel(channel.id);
    if (existing) return existing;
    await this.deps.repo.upsertCommunity(channel.communityId, platformOf(channel.id), '');
    const created: Channel = { active: true, organiserIds: [], nextPostAt: null, ...channel };
    await this.deps.repo.saveChannel(created);
    return created;
  }

  /** The platform took the bot's access to the community away: its active channels are paused; the ids paused. */
  accessLost(communityId: string, reason: AccessLost): Promise<string[]> {
    return accessLost(this.deps, communityId, reason);
  }

  /** The bot is back in the community: the channels paused by `accessLost` resume; the ids resumed. */
  accessRestored(communityId: string): Promise<string[]> {
    return accessRestored(this.deps, communityId);
  }

  async startToday(channelId: string): Promise<Round | null> {
    const channel = await this.deps.repo.getChannel(channelId);
    if (!channel) return null;
    return (await startToday(this.deps, channel)).round;
  }

  /** The id of the member's latest practice question while its strong answer is not yet shown, else null. */
  async openPractice(memberId: string): Promise<number | null> {
    const practice = await this.deps.repo.latestPractice(memberId);
    return practice && !practice.revealedAt ? practice.id : null;
  }

  currentRound(channelId: string): Promise<Round | null> {
    return this.deps.repo.latestRound(channelId);
  }
}
