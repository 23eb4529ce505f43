import { DEFAULT_MIN_WORDS, MAX_ANSWER_CHARS } from './substance.ts';

/** Every scoring rule lives here; `/mlq help` prints POINT_RULES so members see the same numbers the code uses. */
export const POINTS = {
  answer: 10,
  peerVote: 2,
  peerVotesCountedPerAnswer: 5,
  probeReply: 5,
  probeReplyMinWords: 8,
  grade: 2,
  pairMeeting: 5,
} as const;

export type PointsReason = 'answer' | 'peer_vote' | 'probe_reply' | 'grade' | 'pair_meeting';

/** The peer-vote rule, which help leaves out where members cannot react. */
export const PEER_VOTE_RULE =
  `**${POINTS.peerVote} points** for each reaction a peer puts on your answer, up to ${POINTS.peerVotesCountedPerAnswer} per answer; ` +
  'your own reactions do not count.';

export const POINT_RULES: string[] = [
  `**${POINTS.answer} points** for your first answer in a round's thread before the reveal (later replies are discussion).`,
  `An answer needs at least ${DEFAULT_MIN_WORDS} words unless organisers change it (\`/mlq config min-words\`), not the same word ` +
    `over and over, and at most ${MAX_ANSWER_CHARS.toLocaleString('en-US')} characters. A reply below this bar gets a private note ` +
    'and counts once you edit it past the bar before the reveal.',
  PEER_VOTE_RULE,
  `**${POINTS.probeReply} points** once per round for a reply of at least ${POINTS.probeReplyMinWords} words (not the same word ` +
    'over and over) to the follow-up probes after the reveal.',
  `**${POINTS.grade} points** once per round for grading your answer against the key points after the reveal, whatever you ` +
    'tick, so honesty costs nothing. Reviews (`/mlq review`) and practice questions earn no points.',
  `**${POINTS.pairMeeting} points** each, once per pairing cycle, when every member of your mock-interview pair (\`/mlq pairs\`) ` +
    'answers yes to the "did you meet?" check-in.',
  'Points and streaks settle when the round is revealed; an answer you delete before the reveal is withdrawn.',
  'Your streak counts rounds of the channel in a row that you answered, so days without a round never break it.',
];

/** The unique key of a ledger entry, so that a replayed event can never add the same points twice. */
export function ledgerKey(reason: PointsReason, roundId: number, memberId: string, extra?: string): string {
  return [reason, roundId, memberId, extra].filter((part) => part !== undefined).join(':');
}

/** The ledger key of a pair's check-in bonus: one per member and group, however often the button is pressed. */
export function pairMeetingKey(groupId: number, memberId: string): string {
  return `pair_meeting:g${groupId}:${memberId}`;
}

/** Words as the question bank counts them (any token with a letter or digit); answers are judged by substance.ts. */
export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
