/** A suggestion that passes the bank's schema and lint, as a member types it into the form. */
export const GOOD_SUGGESTION = {
  prompt: 'In a room of 23 people, why is a shared birthday more likely than not, and where does that reasoning show up in ML work?',
  category: 'statistics',
  level: 'junior',
  tldr: 'Count pairs, not people: 23 people make 253 pairs, so a collision is likely; the same pair count drives hash and ID collisions.',
  strong_answer:
    'The surprise goes away once you count pairs instead of people. With 23 people there are 23 times 22 over 2, which is 253 pairs, ' +
    'and each pair shares a birthday with probability about 1 in 365. The clean calculation is the complement: the chance that all ' +
    'birthdays differ is 365/365 times 364/365 and so on down to 343/365, which is about 0.49, so a shared birthday has a probability ' +
    'of about 0.51. The practical implication is that collisions grow with the square of the number of items, not linearly. In ML ' +
    'work this shows up when you hash user ids or feature values into buckets: with a million values hashed into a space of a ' +
    'billion buckets you already expect hundreds of collisions, because the number of pairs is about five hundred billion. The same ' +
    'argument sizes random sample ids, deduplication keys and the chance that two test rows are near copies of training rows. The ' +
    'trade-off an interviewer probes next is memory against collision rate: a bigger hash space costs memory, and a rough rule is that ' +
    'collisions become likely once the number of items reaches about the square root of the number of buckets.',
  weak_answer:
    'A weak answer says there are 365 days and only 23 people, so the chance must be about 23 out of 365, or six percent, and calls ' +
    'the real answer a trick. It compares people with days instead of counting pairs, cannot compute the complement, and never links ' +
    'the idea to hashing or deduplication, so the interviewer learns nothing about how the candidate reasons about collisions.',
  key_points: [
    'Counts pairs: 23 people give 253 pairs',
    'Computes the chance of no shared birthday as a product, about 0.49',
    'Collisions grow with the square of the number of items',
    'Links it to hashing ids or features into buckets',
    'Square-root rule: collisions are likely near the square root of the space',
  ].join('\n'),
  probes: [
    'How many people make a shared birthday 99 percent likely? | About 57; the product falls fast once pairs outnumber days.',
    'You hash 10 million user ids into 2 to the 32 buckets. Do you expect collisions? | Yes, thousands; pairs are about 5 times 10 to the 13.',
  ].join('\n'),
  tags: 'birthday problem, collisions, hashing, probability',
};
