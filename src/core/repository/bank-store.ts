import type { PickCandidate } from '../picker.ts';
import type { Category, Level, Question } from '../types.ts';

export interface QuestionSearch {
  categories: Category[];
  levels: Level[];
  words: string[];
}

export interface Practice {
  id: number;
  questionId: string;
  revealedAt: Date | null;
}

/** The question bank, how each channel has used it, and members' private practice questions. */
export interface BankStore {
  questionCandidates(): Promise<PickCandidate[]>;
  /** When the channel last used each question. */
  questionUsage(channelId: string): Promise<Map<string, Date>>;
  getQuestion(id: string): Promise<Question | null>;
  searchQuestions(search: QuestionSearch, limit: number): Promise<Question[]>;
  categoryCounts(): Promise<{ category: Category; level: Level; count: number }[]>;
  createPractice(memberId: string, channelId: string, questionId: string, at: Date): Promise<number>;
  latestPractice(memberId: string): Promise<Practice | null>;
  markPracticeRevealed(id: number, at: Date): Promise<void>;
}
