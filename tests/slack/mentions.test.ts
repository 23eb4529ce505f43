import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, context, fields, list, text } from '../../src/core/message.ts';
import { renderMessages, toMrkdwn } from '../../src/platforms/slack/render.ts';
import { createSlackHarness, type SlackHarness } from '../helpers/slack-harness.ts';

/** Pieces of hostile input: Slack's special forms, its escapes, Markdown and link syntax, and plain words. */
const PIECES = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S1>',
  '<!date^1|x>',
  '<#C1>',
  '<#C2|general>',
  '<@U1>',
  '<@W2|bo>',
  '<https://x.io|x>',
  '&',
  '<',
  '>',
  '&lt;',
  '&gt;',
  '&amp;',
  '!',
  '@',
  '#',
  '|',
  '*',
  '_',
  '`',
  '```',
  '~',
  '[',
  ']',
  '(',
  ')',
  ':',
  '^',
  '\n',
  ' ',
  'x',
  '09:30',
  'channel',
  'here',
  'mailto:a@b.c',
  '[a](!channel)',
  '[b](@U1)',
  '[c](#C1)',
  '> ',
  '\u2028',
  '\uE003',
  'é',
];
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

/** Every string Slack reads as mrkdwn or text in a payload: `text`, and each `text` inside its blocks and fields. */
function texts(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return [];
  if (Array.isArray(payload)) return payload.flatMap(texts);
  return Object.entries(payload).flatMap(([key, value]) => (key === 'text' && typeof value === 'string' ? [value] : texts(value)));
}

/** The `<…>` forms in text that Slack would act on, except links and mentions of members named in `allowed`. */
function bareForms(value: string, allowed: Set<string> = new Set()): string[] {
  return [...value.matchAll(/<([^<>]*)>?/g)]
    .map((m) => m[0])
    .filter(
      (form) => !/^<(https?:\/\/|mailto:)[^<>]*>$/.test(form) && !(/^<@([UW][A-Z0-9]+)>$/.test(form) && allowed.has(form.slice(2, -1))),
    );
}

describe('Slack rendering never turns text into a live mention', () => {
  it('escapes special forms in blocks and in the text fallback, and renders mlq’s neutral mentions as mentions', () => {
    const [message] = renderMessages(
      card(
        'Title <!here>',
        [text('hi <@slack:T1:U9> and <!channel> & <#C1>'), fields([{ label: '<!everyone>', value: '<@U2>' }])],
        'fallback <@slack:T1:U9> <!here> & <#C1>',
      ),
    );
    expect(message!.text).toBe('fallback <@U9> &lt;!here&gt; &amp; &lt;#C1&gt;');
    expect(texts(message!.blocks)).toEqual([
      'Title <!here>',
      'hi <@U9> and &lt;!channel&gt; &amp; &lt;#C1&gt;',
      '*&lt;!everyone&gt;*\n&lt;@U2&gt;',
    ]);
    expect(toMrkdwn('**Strong** and *subtle* with `<!channel>` and a [link](https://x.io)')).toBe(
      '*Strong* and _subtle_ with `&lt;!channel&gt;` and a <https://x.io|link>',
    );
    expect(toMrkdwn('> quoted\n\nnot > quoted')).toBe('> quoted\n\nnot &gt; quoted');
  });

  it('leaves no bare special form in any mrkdwn text for any hostile card text', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        for (const message of renderMessages(
          card(undefined, [text(a), context(b), list([a, b], b), fields([{ label: a, value: b }])], `${a} ${b}`),
        )) {
          const mrkdwn = [message.text, ...texts(message.blocks)];
          expect(mrkdwn.flatMap((t) => bareForms(t))).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('replies to members in Slack echo what they typed without pinging anyone', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness(new Date());
    h.slack.admins.add('UADMIN');
    await h.command('UADMIN', 'start');
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers `/mlq config time <!channel>` with the form escaped in text and blocks', async () => {
    const { reply } = await h.command('UADMIN', 'config time <!channel>');
    expect(reply?.text).toBe(
      '&lt;!channel&gt; is not a time; ' + 'write it like 09:30 or 9am. Usage: /mlq config [&lt;setting&gt; &lt;value&gt;].',
    );
    expect(JSON.stringify(reply?.blocks)).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(reply)).not.toContain('<!channel>');
  });

  it('leaves no bare special form in any reply to hostile command text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('config time ', 'config timezone ', 'ask ', 'help ', '', 'streak ', 'away '),
        hostile,
        async (prefix, input) => {
          const { reply } = await h.command('UADMIN', `${prefix}${input}`);
          expect(reply).toBeDefined();
          const mentioned = new Set([...input.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]!));
          expect(texts(reply).flatMap((t) => bareForms(t, mentioned))).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
