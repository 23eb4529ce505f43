import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PortCapabilities } from '../../src/core/port.ts';
import { cardText, command, createHarness, type Harness, member, reply } from '../helpers/harness.ts';
import { RecordingPort } from '../helpers/recording-port.ts';

/** `/mlq web`'s usage, whose `public` makes the web page public: not a public reply, which the terminal lacks. */
const WEB_USAGE = /\/mlq web \[public on\|off\|rotate\]`?/g;

/** A platform that declares what the terminal declares: no reactions, no public replies, a recap at the reveal. */
class TerminalLikePort extends RecordingPort {
  readonly capabilities: PortCapabilities = {
    reactions: false,
    publicReplies: false,
    revealRecap: true,
    privateButtons: true,
    helpNote: 'Type `quit` to leave.',
  };
}

const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const bob = member('bob');
const carl = member('carl');
const ADA_ANSWER = 'Bias is the error from wrong assumptions in the model, variance is sensitivity to the particular training sample.';
const PROBE_REPLY = 'I would compare training and validation error curves as the data grows to see which dominates.';

let h: Harness;
let term: TerminalLikePort;
let n = 0;
let CHAT = '';
let TERM = '';

// One database for the file (a fresh one costs seconds); each test has channels and a terminal-like port of its own.
beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.clock.set(new Date('2026-11-23T08:00:00Z'));
  n++;
  CHAT = `test:T1:C${n}`;
  TERM = `term:C${n}`;
  term = new TerminalLikePort('term');
  term.admins.add(admin.id);
  h.deps.ports.register(term);
});

const text = async (channelId: string, who: { id: string; name: string }, line: string) =>
  cardText((await command(h, channelId, who, line)).card);

describe('/mlq today follows the state of the round', () => {
  it('says whether your answer is in, then shows the reveal again with your answer and points', async () => {
    await command(h, CHAT, admin, '/mlq start');
    const before = await text(CHAT, ada, '/mlq today');
    expect(before).toContain('You have not answered yet.');
    expect(before).not.toContain('Your answer is in');

    const answered = await reply(h, CHAT, ada, ADA_ANSWER);
    expect(answered.outcome).toBe('answer');
    const after = await text(CHAT, ada, '/mlq today');
    expect(after).toContain('Your answer is in: it counts when the round is revealed on Mon 14:00 (UTC).');
    expect(after).not.toContain('You have not answered yet.');
    expect(await text(CHAT, bob, '/mlq today')).toContain('You have not answered yet.');

    await h.mlq.reaction({ channelId: CHAT, communityId: 'test', messageId: answered.messageId, member: carl });
    await command(h, CHAT, admin, '/mlq reveal');
    const revealed = await command(h, CHAT, ada, '/mlq today');
    expect(revealed.visibility).toBe('private');
    expect(revealed.card.title).toMatch(/^Today's question · .+ · revealed$/);
    const shown = cardText(revealed.card);
    expect(shown).toContain('What a strong answer covers');
    expect(shown).toContain('Follow-up probes an interviewer would ask next');
    expect(shown).toContain(`Your answer · 12 points in this round\n\n${ADA_ANSWER}`);
    expect(shown).not.toContain('Already revealed');

    expect((await reply(h, CHAT, ada, PROBE_REPLY)).outcome).toBe('probe-reply');
    expect(await text(CHAT, ada, '/mlq today')).toContain('Your answer · 17 points in this round');
    expect(await text(CHAT, bob, '/mlq today')).toContain('Your answer · you did not answer this one.');
  });

  it('before a round, says when the next one comes, with its date', async () => {
    await command(h, CHAT, admin, '/mlq start');
    await command(h, CHAT, admin, '/mlq skip');
    h.clock.set(new Date('2026-11-28T10:00:00Z'));
    const due = 'No question yet today. The next question is due now and is posted within a minute.';
    expect(await text(CHAT, ada, '/mlq today')).toContain(due);
    await h.mlq.tick();
    expect(await text(CHAT, ada, '/mlq today')).toContain('No question yet today. Next question: Mon 30 Nov 09:00 (UTC).');
  });
});

describe('/mlq config shows the real date and time of the next post', () => {
  it('names tomorrow once today is posted, not today’s post time', async () => {
    await command(h, CHAT, admin, '/mlq start');
    expect(await text(CHAT, admin, '/mlq config')).toContain('Next question: Tue 24 Nov 09:00 (UTC).');
  });

  it('skips the days the channel does not meet', async () => {
    h.clock.set(new Date('2026-11-27T08:00:00Z'));
    await command(h, CHAT, admin, '/mlq start');
    expect(await text(CHAT, admin, '/mlq config')).toContain('Next question: Mon 30 Nov 09:00 (UTC).');
  });

  it('uses the channel’s local date where it differs from UTC’s', async () => {
    h.clock.set(new Date('2026-11-23T12:00:00Z'));
    await command(h, CHAT, admin, '/mlq start');
    const saved = await text(CHAT, admin, '/mlq config timezone Pacific/Auckland');
    expect(saved).toContain('Next question: Tue 24 Nov 09:00 (Pacific/Auckland).');
    h.clock.set(new Date('2026-11-23T19:59:00Z'));
    expect(await text(CHAT, admin, '/mlq config')).toContain('Next question: Tue 24 Nov 09:00 (Pacific/Auckland).');
    h.clock.set(new Date('2026-11-23T20:00:00Z'));
    expect(await text(CHAT, admin, '/mlq config')).toContain('The next question is due now and is posted within a minute.');
    await h.mlq.tick();
    expect(await text(CHAT, admin, '/mlq config')).toContain('Next question: Wed 25 Nov 09:00 (Pacific/Auckland).');
  });

  it('says a paused channel plans no question', async () => {
    await command(h, CHAT, admin, '/mlq start');
    await command(h, CHAT, admin, '/mlq stop');
    const shown = await text(CHAT, admin, '/mlq config');
    expect(shown).toContain('The channel is paused: no question is planned until `/mlq start`.');
    expect(shown).not.toContain('Next question');
  });
});

describe('the private recap at the reveal', () => {
  it('goes to each answerer with their answer and points, only on platforms that ask for it', async () => {
    const chatBefore = h.port.sent.length;
    await command(h, CHAT, admin, '/mlq start');
    await command(h, TERM, admin, '/mlq start');
    for (const channel of [CHAT, TERM]) {
      const first = await reply(h, channel, ada, ADA_ANSWER);
      await reply(h, channel, bob, PROBE_REPLY);
      await h.mlq.reaction({ channelId: channel, communityId: 'test', messageId: first.messageId, member: carl });
      await h.mlq.reaction({ channelId: channel, communityId: 'test', messageId: first.messageId, member: bob });
      await command(h, channel, admin, '/mlq reveal');
    }
    const chatPrivate = h.port.sent.slice(chatBefore).filter((s) => s.kind === 'private');
    expect(chatPrivate.map((s) => [s.target, s.card!.title?.split(' · ')[0]])).toEqual([
      ['test:ada', 'Grade yourself'],
      ['test:bob', 'Grade yourself'],
    ]);
    const recaps = term
      .of('private')
      .filter((s) => s.card!.title?.startsWith('Your answer'))
      .map((s) => ({ to: s.target, title: s.card!.title, text: cardText(s.card!) }));
    expect(recaps.map((r) => [r.to, r.title])).toEqual([
      ['test:ada', 'Your answer · 14 points'],
      ['test:bob', 'Your answer · 10 points'],
    ]);
    expect(recaps[0]!.text).toContain(ADA_ANSWER);
    expect(term.sent.map((s) => s.kind)).toEqual(['post', 'react', 'react', 'reply', 'private', 'private', 'private', 'private', 'update']);
    expect(term.of('private').map((s) => s.card!.title?.split(' · ')[0])).toEqual([
      'Your answer',
      'Your answer',
      'Grade yourself',
      'Grade yourself',
    ]);
  });
});

describe('help leaves out what the platform cannot do', () => {
  it('keeps `public` and peer votes where members can react and post publicly', async () => {
    const help = await text(CHAT, ada, '/mlq help');
    expect(help).toContain(
      "/mlq leaderboard [week|month|season|all] [public]`: This week's, month's, season's or all-time leaderboard (add `public` to post it)",
    );
    expect(help).toContain('for each reaction a peer puts on your answer');
    expect(help).not.toContain('quit');
  });

  it('drops them where the port says it has no reactions and no public replies, and adds its own note', async () => {
    const help = await text(TERM, ada, '/mlq help');
    expect(help).toContain("/mlq leaderboard [week|month|season|all]`: This week's, month's, season's or all-time leaderboard");
    expect(help.replace(WEB_USAGE, '')).not.toContain('public');
    expect(help).not.toContain('reaction');
    expect(help).toContain('Type `quit` to leave.');
    await command(h, TERM, admin, '/mlq start');
    expect(JSON.stringify((await command(h, TERM, ada, '/mlq stats')).card)).not.toContain('Peer votes');
    await command(h, CHAT, admin, '/mlq start');
    expect(JSON.stringify((await command(h, CHAT, ada, '/mlq stats')).card)).toContain('"label":"Peer votes received","value":"0"');
    const one = await command(h, TERM, ada, '/mlq help leaderboard');
    expect(one.card.title).toBe('/mlq leaderboard');
    expect(JSON.stringify(one.card)).not.toContain('public');
    expect(JSON.stringify(one.card)).toContain('Usage: `/mlq leaderboard [week|month|season|all]`');
  });
});

describe('members are named, never shown by id', () => {
  it('answers about a member mlq has never seen without their id', async () => {
    await command(h, CHAT, admin, '/mlq start');
    for (const line of ['/mlq streak <@test:ghost>', '/mlq stats <@test:ghost>']) {
      const shown = await text(CHAT, ada, line);
      expect(shown).toContain('That member has not taken part here yet');
      expect(shown).not.toContain('test:ghost');
    }
  });

  it('shows a known member by name', async () => {
    await command(h, CHAT, admin, '/mlq start');
    await reply(h, CHAT, bob, PROBE_REPLY);
    expect(await text(CHAT, ada, '/mlq streak <@test:bob>')).toContain("bob's streak: 0 rounds in a row");
    expect((await command(h, CHAT, ada, '/mlq stats <@test:bob>')).card.title).toBe('Stats for bob');
  });
});
