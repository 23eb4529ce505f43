import {
  deleteAnswer,
  editAnswer,
  recordReaction,
  recordSealedAnswer,
  recordThreadMessage,
  type SealedAnswerEvent,
  type SealedOutcome,
  type ThreadOutcome,
} from './answers.ts';
import { expectsPublicReply, runCommand } from './commands/run.ts';
import type { CommandReply } from './commands/spec.ts';
import type { CoreDeps } from './deps.ts';
import type { ButtonEvent, CommandEvent, MessageDeletedEvent, MessageEditedEvent, ReactionEvent, ThreadMessageEvent } from './events.ts';
import { startToday } from './rounds.ts';
import { type PassOptions, type PassReport, schedulerPass } from './scheduler-pass.ts';
import type { Channel, Round } from './types.ts';

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

  /** A button maps to the text command that does the same, so both paths share one implementation. */
  button(event: ButtonEvent): Promise<CommandReply> {
    const commands: Record<string, string> = { 'practice.reveal': 'solution' };
    const command = commands[event.action] ?? `help`;
    return runCommand(this.deps, { ...event, text: command });
  }

  threadMessage(event: ThreadMessageEvent): Promise<ThreadOutcome> {
    return recordThreadMessage(this.deps, event);
  }

  messageEdited(event: MessageEditedEvent): Promise<boolean> {
    return editAnswer(this.deps, event);
  }

  messageDeleted(event: MessageDeletedEvent): Promise<boolean> {
    return deleteAnswer(this.deps, event);
  }

  sealedAnswer(event: SealedAnswerEvent): Promise<SealedOutcome> {
    return recordSealedAnswer(this.deps, event);
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
    await this.deps.repo.upsertCommunity(channel.communityId, channel.id.split(':')[0]!, '');
    const created: Channel = { active: true, organiserIds: [], nextPostAt: null, ...channel };
    await this.deps.repo.saveChannel(created);
    return created;
  }

  async startToday(channelId: string): Promise<Round | null> {
    const channel = await this.deps.repo.getChannel(channelId);
    if (!channel) return null;
    return (await startToday(this.deps, channel)).round;
  }

  /** The prompt of a round and whether it still takes answers; for platforms that open an answer form. */
  async roundQuestion(roundId: number): Promise<{ prompt: string; open: boolean } | null> {
    const round = await this.deps.repo.getRound(roundId);
    const question = round ? await this.deps.repo.getQuestion(round.questionId) : null;
    if (!round || !question) return null;
    return { prompt: question.prompt, open: round.status === 'posted' && this.deps.clock.now() < round.revealAt };
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
