import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CommunitiesTable {
  id: string;
  platform: string;
  name: string;
  created_at: CreatedAt;
}

export interface ChannelsTable {
  id: string;
  community_id: string;
  name: string;
  active: boolean;
  paused_reason: string | null;
  organiser_ids: string[];
  timezone: string;
  post_time: string;
  weekdays: number[];
  reveal_delay_minutes: number;
  categories: string[];
  levels: string[];
  next_post_at: Timestamp | null;
  last_seq: Generated<number>;
  reveal_time: string | null;
  digest_weekday: number | null;
  digest_time: Generated<string>;
  ramp: Generated<boolean>;
  next_digest_at: Timestamp | null;
  post_lease_until: Timestamp | null;
  min_words: Generated<number>;
  pairs_weekday: number | null;
  pairs_time: Generated<string>;
  pairs_every_weeks: Generated<number>;
  next_pairs_at: Timestamp | null;
  pairs_lease_until: Timestamp | null;
  season_length: Generated<'month' | 'quarter'>;
  champion_role_id: string | null;
  next_season_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MembersTable {
  id: string;
  community_id: string;
  name: string;
  hidden: Generated<boolean>;
  created_at: CreatedAt;
}

export interface QuestionsTable {
  id: string;
  category: string;
  level: string;
  prompt: string;
  tags: string[];
  body: ColumnType<unknown, string, string>;
  content_hash: string;
  retired_at: Timestamp | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Generated from prompt, tags and strong answer (migration 0008); never written. */
  search: ColumnType<string, never, never>;
  /** Null for the bank; the channel or community whose pool an approved suggestion joined (migration 0011). */
  scope_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RoundsTable {
  id: Generated<number>;
  channel_id: string;
  question_id: string;
  local_date: string;
  seq: number | null;
  status: 'posting' | 'posted' | 'revealing' | 'revealed' | 'skipped';
  post_at: Timestamp;
  reveal_at: Timestamp;
  message_id: string | null;
  thread_id: string | null;
  answer_count: Generated<number>;
  revealed_at: Timestamp | null;
  created_at: CreatedAt;
  lease_until: Timestamp | null;
  attempts: Generated<number>;
  guidance_posted_at: Timestamp | null;
}

export interface ThreadMessagesTable {
  message_id: string;
  round_id: number;
  member_id: string;
  kind: 'answer' | 'discussion' | 'probe_reply';
  created_at: Timestamp;
}

export interface AnswersTable {
  id: Generated<number>;
  round_id: number;
  member_id: string;
  message_id: string;
  text: string;
  sealed: boolean;
  withdrawn_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VotesTable {
  answer_id: number;
  voter_id: string;
  created_at: Timestamp;
}

export interface LedgerTable {
  id: Generated<string>;
  key: string;
  channel_id: string;
  member_id: string;
  round_id: number | null;
  reason: 'answer' | 'peer_vote' | 'probe_reply' | 'grade' | 'pair_meeting';
  points: number;
  week: string;
  created_at: Timestamp;
}

export interface ScoresTable {
  channel_id: string;
  period: string;
  member_id: string;
  points: number;
}

export interface StreaksTable {
  channel_id: string;
  member_id: string;
  current: number;
  best: number;
  last_seq: number;
  freezes: Generated<number>;
  away_until: string | null;
}

export interface DigestsTable {
  id: Generated<number>;
  channel_id: string;
  week: string;
  status: 'sending' | 'sent' | 'skipped';
  due_at: Timestamp;
  lease_until: Timestamp | null;
  attempts: Generated<number>;
  message_id: string | null;
  created_at: CreatedAt;
}

export interface SeasonResultsTable {
  id: Generated<number>;
  channel_id: string;
  season: string;
  status: 'sending' | 'sent' | 'skipped';
  due_at: Timestamp;
  lease_until: Timestamp | null;
  attempts: Generated<number>;
  message_id: string | null;
  champion_ids: Generated<string[]>;
  created_at: CreatedAt;
}

export interface PracticesTable {
  id: Generated<number>;
  member_id: string;
  channel_id: string;
  question_id: string;
  created_at: Timestamp;
  revealed_at: Timestamp | null;
}

export interface GradesTable {
  id: Generated<number>;
  member_id: string;
  question_id: string;
  source: 'round' | 'practice' | 'review' | 'mock';
  source_id: string;
  channel_id: string;
  round_id: number | null;
  ticked: number[];
  total: number;
  share: number;
  rating: number;
  card_before: ColumnType<unknown, string | null, string | null>;
  graded_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReviewCardsTable {
  id: Generated<number>;
  member_id: string;
  question_id: string;
  channel_id: string;
  due: Timestamp;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: Timestamp | null;
  last_grade_id: number | null;
}

export interface ReviewLogTable {
  id: Generated<string>;
  grade_id: number;
  card_id: number;
  member_id: string;
  source: string;
  rating: number;
  state: number;
  due: Timestamp;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  reviewed_at: Timestamp;
}

export interface MockSessionsTable {
  id: Generated<number>;
  member_id: string;
  community_id: string;
  channel_id: string;
  conversation_id: string;
  question_id: string;
  status: 'open' | 'finished' | 'stopped' | 'expired';
  step: number;
  sent_step: number;
  state: ColumnType<unknown, string, string>;
  version: number;
  started_at: Timestamp;
  active_at: Timestamp;
  lease_until: Timestamp | null;
}

export interface MockBudgetsTable {
  member_id: string;
  minutes: number;
}

/** A named lease held by one replica until `lease_until` (migration 0016). */
export interface LeasesTable {
  name: string;
  owner: string;
  lease_until: Date;
}

/** One slot of a rate limit the replicas share, free from `free_at` (migration 0017). */
export interface RateSlotsTable {
  bucket: string;
  slot: number;
  free_at: Date;
  taken: Generated<string>;
}

export interface ReviewRemindersTable {
  member_id: string;
  channel_id: string;
  remind_time: string;
  timezone: string;
  next_at: Timestamp;
  lease_until: Timestamp | null;
}

export interface PairMembersTable {
  channel_id: string;
  member_id: string;
  level: 'junior' | 'mid' | 'senior';
  timezone: string;
  active: boolean;
  snoozed_until: string | null;
  updated_at: Timestamp;
}

export interface PairCyclesTable {
  id: Generated<number>;
  channel_id: string;
  local_date: string;
  due_at: Timestamp;
  unmatched: string[];
  snoozed: string[];
  created_at: Timestamp;
}

export interface PairGroupsTable {
  id: Generated<number>;
  cycle_id: number;
  channel_id: string;
  position: number;
  members: string[];
  status: 'posting' | 'posted' | 'done';
  space_id: string | null;
  lease_until: Timestamp | null;
  attempts: Generated<number>;
  progress: Generated<number>;
  checkin_at: Timestamp;
}

export interface PairTurnsTable {
  group_id: number;
  position: number;
  interviewer: string;
  candidate: string;
  question_id: string | null;
}

export interface PairCheckinsTable {
  group_id: number;
  member_id: string;
  answer: 'yes' | 'not_yet' | 'skip';
  answered_at: Timestamp;
}

export interface PairFeedbackTable {
  group_id: number;
  from_member: string;
  to_member: string;
  structure: string;
  depth: string;
  communication: string;
  advice: string;
  submitted_at: Timestamp;
  delivered_at: Timestamp | null;
}

export interface SuggestionsTable {
  id: Generated<number>;
  channel_id: string;
  community_id: string;
  author_id: string;
  author_name: string;
  status: 'pending' | 'approved' | 'rejected';
  body: ColumnType<unknown, string, string>;
  submission_id: string;
  question_id: string | null;
  scope: 'channel' | 'community' | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}

export interface SuggestionDraftsTable {
  member_id: string;
  channel_id: string;
  target: string;
  fields: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface NextQuestionsTable {
  channel_id: string;
  question_id: string;
  set_by: string;
  set_at: Timestamp;
}

export interface InstallsTable {
  platform: string;
  workspace_id: string;
  enterprise_id: string | null;
  workspace_name: Generated<string>;
  key_id: string;
  sealed: string;
  installed_at: Timestamp;
  updated_at: Timestamp;
}

export interface OAuthStatesTable {
  state_hash: string;
  used_at: Timestamp;
}

export interface WebPagesTable {
  channel_id: string;
  generation: ColumnType<number, number | undefined, number>;
  public: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
}

/** The database as Kysely sees it; column names are the SQL names. */
export interface Database {
  communities: CommunitiesTable;
  channels: ChannelsTable;
  members: MembersTable;
  questions: QuestionsTable;
  rounds: RoundsTable;
  thread_messages: ThreadMessagesTable;
  answers: AnswersTable;
  votes: VotesTable;
  ledger: LedgerTable;
  scores: ScoresTable;
  streaks: StreaksTable;
  practices: PracticesTable;
  digests: DigestsTable;
  grades: GradesTable;
  review_cards: ReviewCardsTable;
  review_log: ReviewLogTable;
  review_reminders: ReviewRemindersTable;
  pair_members: PairMembersTable;
  pair_cycles: PairCyclesTable;
  pair_groups: PairGroupsTable;
  pair_turns: PairTurnsTable;
  pair_checkins: PairCheckinsTable;
  pair_feedback: PairFeedbackTable;
  suggestions: SuggestionsTable;
  suggestion_drafts: SuggestionDraftsTable;
  next_questions: NextQuestionsTable;
  season_results: SeasonResultsTable;
  mock_sessions: MockSessionsTable;
  mock_budgets: MockBudgetsTable;
  leases: LeasesTable;
  rate_slots: RateSlotsTable;
  installs: InstallsTable;
  oauth_states: OAuthStatesTable;
  web_pages: WebPagesTable;
}
