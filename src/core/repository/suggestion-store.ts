import type { PickCandidate } from '../picker.ts';
import type { SuggestedQuestion, SuggestionFields } from '../suggestion-rules.ts';
import type { Question } from '../types.ts';

export type SuggestionStatus = 'pending' | 'approved' | 'rejected';
/** Where an approved suggestion's question is asked: the channel it was suggested in, or every channel of its community. */
export type SuggestionScope = 'channel' | 'community';

export interface Suggestion {
  id: number;
  channelId: string;
  communityId: string;
  authorId: string;
  authorName: string;
  status: SuggestionStatus;
  question: SuggestedQuestion;
  questionId: string | null;
  scope: SuggestionScope | null;
  reason: string | null;
  decidedBy: string | null;
}

export interface NewSuggestion {
  channelId: string;
  communityId: string;
  authorId: string;
  authorName: string;
  question: SuggestedQuestion;
  submissionId: string;
  at: Date;
}

/** What a decision did: `done` the first time, else the suggestion as another decision left it. */
export type Decision = { status: 'done'; suggestion: Suggestion } | { status: 'decided'; suggestion: Suggestion } | { status: 'missing' };

/** Member suggestions, their drafts, the community pools they join, and an organiser's pick for the next round. */
export interface SuggestionStore {
  /** Stores a suggestion once per submission id; the stored one (new or earlier) comes back. */
  addSuggestion(input: NewSuggestion): Promise<Suggestion>;
  getSuggestion(id: number): Promise<Suggestion | null>;
  /** The channel's pending suggestions, oldest first, and how many are pending. */
  pendingSuggestions(channelId: string, limit: number): Promise<{ suggestions: Suggestion[]; total: number }>;
  /** Rewrites a pending suggestion's question (an organiser's edit); false when it was decided meanwhile. */
  editSuggestion(id: number, question: SuggestedQuestion): Promise<boolean>;
  /**
   * Approves a pending suggestion once: its question joins the scope's pool under a free id made from `slug`, credited
   * to its author, in the same transaction.
   */
  approveSuggestion(id: number, scope: SuggestionScope, slug: string, by: string, at: Date): Promise<Decision>;
  rejectSuggestion(id: number, reason: string, by: string, at: Date): Promise<Decision>;
  /** Approved suggestions of a channel and those its community shares, as questions, oldest first. */
  approvedQuestions(channelId: string, communityId: string, limit: number): Promise<{ question: Question; authorName: string }[]>;
  /** The questions approved into this channel's or its community's pool, for the picker. */
  scopedCandidates(channelId: string, communityId: string): Promise<PickCandidate[]>;
  /** What posting a round reads beside the bank, in one statement: the organiser's pick and the channel's pools. */
  roundChoices(channelId: string, communityId: string): Promise<{ next: string | null; pool: PickCandidate[] }>;
  /** A question this channel may be asked: one of the bank's, or of its own or its community's pool. */
  askableQuestion(id: string, channelId: string, communityId: string): Promise<Question | null>;
  draft(memberId: string, channelId: string, target: string): Promise<SuggestionFields | null>;
  saveDraft(memberId: string, channelId: string, target: string, fields: SuggestionFields, at: Date): Promise<void>;
  dropDraft(memberId: string, channelId: string, target: string): Promise<void>;
  /** The organiser's pick for the channel's next round, while that question can still be asked. */
  nextQuestion(channelId: string): Promise<string | null>;
  setNextQuestion(channelId: string, questionId: string | null, by: string, at: Date): Promise<void>;
  /** Clears the pick once a round has used it (only that pick: a newer one stays). */
  clearNextQuestion(channelId: string, questionId: string): Promise<void>;
}
