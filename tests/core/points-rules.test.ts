import { describe, expect, it } from 'vitest';
import { ledgerKey, PEER_VOTE_RULE, POINT_RULES, POINTS, wordCount } from '../../src/core/points.ts';

describe('words for the probe bonus', () => {
  it('counts words with a letter or digit, split on any run of whitespace', () => {
    expect(wordCount('one two three')).toBe(3);
    expect(wordCount('  one\n\ntwo\tthree  ')).toBe(3);
    expect(wordCount('')).toBe(0);
  });

  it('does not count lone punctuation or symbols, but counts digits and letters beyond ASCII', () => {
    expect(wordCount('yes - no , ok !')).toBe(3);
    expect(wordCount('→ ** 42 … été')).toBe(2);
    expect(wordCount('naïve Bayes, L2-norm; 3.5x')).toBe(4);
  });

  it('puts the limit between 7 and 8 words', () => {
    expect(POINTS.probeReplyMinWords).toBe(8);
    expect(wordCount('a b c d e f g')).toBe(7);
    expect(wordCount('a b c d e f g h')).toBe(8);
    expect(wordCount('a b c d e f g h i')).toBe(9);
  });
});

describe('ledger keys', () => {
  it('joins reason, round, member and the optional extra with colons', () => {
    expect(ledgerKey('answer', 7, 'slack:T1:U1')).toBe('answer:7:slack:T1:U1');
    expect(ledgerKey('peer_vote', 7, 'slack:T1:U1', 'slack:T1:U2')).toBe('peer_vote:7:slack:T1:U1:slack:T1:U2');
    expect(ledgerKey('probe_reply', 0, 'm', '')).toBe('probe_reply:0:m:');
  });
});

describe('the points rules members read in help', () => {
  it('states the numbers the code scores with', () => {
    expect(POINTS).toEqual({
      answer: 10,
      peerVote: 2,
      peerVotesCountedPerAnswer: 5,
      probeReply: 5,
      probeReplyMinWords: 8,
      grade: 2,
      pairMeeting: 5,
    });
    expect(POINT_RULES[0]).toContain('**10 points** for your first answer');
    expect(POINT_RULES[1]).toContain('An answer needs at least 12 words');
    expect(POINT_RULES[1]).toContain('at most 10,000 characters');
    expect(PEER_VOTE_RULE).toContain('**2 points** for each reaction');
    expect(PEER_VOTE_RULE).toContain('up to 5 per answer');
    expect(POINT_RULES[2]).toBe(PEER_VOTE_RULE);
    expect(POINT_RULES[3]).toContain('**5 points** once per round for a reply of at least 8 words');
    expect(POINT_RULES[4]).toContain('**2 points** once per round for grading your answer against the key points');
    expect(POINT_RULES[4]).toContain('whatever you tick');
    expect(POINT_RULES[5]).toContain('**5 points** each, once per pairing cycle, when every member of your mock-interview pair');
    expect(POINT_RULES).toHaveLength(8);
  });
});
