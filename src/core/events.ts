import type { Member } from './types.ts';

/** A reply in a thread, as every platform reports it once normalised. */
export interface ThreadMessageEvent {
  channelId: string;
  communityId: string;
  threadId: string;
  messageId: string;
  author: Member;
  text: string;
  at?: Date;
}

/** An edited message; platforms that know its thread and author say so, so that a reply edited past the bar can count. */
export interface MessageEditedEvent {
  messageId: string;
  text: string;
  at?: Date;
  channelId?: string;
  communityId?: string;
  threadId?: string;
  author?: Member;
}

export interface MessageDeletedEvent {
  messageId: string;
  at?: Date;
}

export interface ReactionEvent {
  channelId: string;
  communityId: string;
  messageId: string;
  member: Member;
}

export interface CommandEvent {
  channelId: string;
  communityId: string;
  channelName?: string;
  actor: Member;
  text: string;
}

/** A member pressed a button (or chose from a menu); `action` keys the handler in the core's ACTIONS. */
export interface ActionEvent {
  channelId: string;
  communityId: string;
  actor: Member;
  action: string;
  value: string;
}

/** A member submitted a form the core asked a platform to open; `form` keys the handler in the core's FORMS. */
export interface FormEvent {
  channelId: string;
  communityId: string;
  actor: Member;
  form: string;
  /** The state the form carried (its `value`). */
  value: string;
  /** The text of each field, by field id. */
  fields: Record<string, string>;
  /** The platform's id for this submission, so a resubmitted form counts once. */
  submissionId: string;
}

/** A member's message in a private conversation that mlq opened (a mock interview): a direct message or a private thread. */
export interface DirectMessageEvent {
  /** The conversation's opaque id, as the port's openConversation returned it. */
  conversationId: string;
  messageId: string;
  /** The author as a member of the community; absent where the platform cannot say (Discord's direct messages, outside any server). */
  author?: Member;
  text: string;
}
