import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_NOT_ENABLED } from '../../src/core/commands/web-command.ts';
import type { Harness } from '../helpers/harness.ts';
import { cardText, command } from '../helpers/harness.ts';
import { ADA, BEN, EVE, GROUP, HAL, NOW, seedGroup, serveWeb } from '../helpers/web-group.ts';

let h: Harness;
let web: Awaited<ReturnType<typeof serveWeb>>;
const ORGANISER = { id: 'test:admin', name: 'Olga' };

beforeAll(async () => {
  h = await seedGroup();
  web = await serveWeb(h);
});
afterAll(async () => {
  await web?.close();
  await h?.close();
});

const linkFor = (memberId: string | null, generation = 1) => web.links.link(GROUP, memberId, generation, h.clock.now()).url;
const memberUrl = (groupUrl: string, memberId: string) =>
  groupUrl.replace('/web/test%3AC%3Aweb?', `/web/test%3AC%3Aweb/m/${encodeURIComponent(memberId)}?`);
const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: await response.text() };
};
const say = async (who: { id: string; name: string }, text: string) => cardText((await command(h, GROUP, who, text)).card);

describe('the group page over HTTP', () => {
  it('shows the three boards, hides a hidden member, escapes names, and serves it privately with a strict policy', async () => {
    const page = await get(linkFor(ADA.id));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[\w+/=]+'; /);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('<h1>#study-group</h1>');
    expect(page.body).toContain('<caption>This week (from 2026-11-23)</caption>');
    expect(page.body).toContain('<caption>This month (November 2026)</caption>');
    expect(page.body).toContain('<caption>All time</caption>');
    expect(page.body).toContain('<td>a member</td><td class="num">50</td>');
    expect(page.body).not.toContain('Hidden Hal');
    expect(page.body).not.toContain('test%3Ahal');
    expect(page.body).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; Eve &amp; co</a>');
    expect(page.body).not.toMatch(/<script|<img/);
    expect(page.body).toContain('>Your page</a>');
  });

  it('counts answers on the group’s local dates in the heatmap (01:30 in Tokyo is the next day)', async () => {
    const page = await get(linkFor(null));
    expect(page.body).toContain(
      'Activity heatmap of the group from 2026-06-01 to 2026-11-26: 20 answers on 8 days, the busiest 2026-11-20 with 3 answers.',
    );
    expect(page.body).toContain('<title>2026-11-24: 1 answer</title>');
    expect(page.body).toContain('<title>2026-11-25: 3 answers</title>');
    expect(page.body).toContain('<title>2026-11-26: 0 answers</title>');
    expect(page.body).not.toContain('<title>2026-11-27');
    expect(page.body).not.toContain('>Your page</a>');
  });

  it('searches the archive by words and by category, keeping the link on the form', async () => {
    const url = linkFor(ADA.id);
    const token = new URL(url).searchParams.get('t')!;
    const words = await get(`${url}&q=dropout`);
    expect(words.body.match(/<li><strong>[^<]*<\/strong>/g)).toEqual([
      '<li><strong>Why does dropout help a deep network generalise?</strong>',
      '<li><strong>Why does dropout help a deep network generalise?</strong>',
    ]);
    expect(words.body).toContain('value="dropout"');
    expect(words.body).toContain(`<input type="hidden" name="t" value="${token}">`);
    const category = await get(`${url}&category=statistics`);
    expect(category.body.match(/<li><strong>[^<]*<\/strong>/g)).toEqual([
      '<li><strong>What does a p-value tell you, and what does it leave out?</strong>',
    ]);
    expect(category.body).toContain('<option value="statistics" selected>');
    expect((await get(`${url}&q=${encodeURIComponent('<b>zzz</b>')}`)).body).toContain('value="&lt;b&gt;zzz&lt;/b&gt;"');
  });

  it('shows a member page with answers, points and streak, and mastery to the member alone', async () => {
    const own = await get(memberUrl(linkFor(ADA.id), ADA.id));
    expect(own.status).toBe(200);
    expect(own.body).toContain('<h1>Ada</h1>');
    expect(own.body).toContain('<dt>Answers</dt><dd>8</dd>');
    expect(own.body).toContain('<dt>Points, all time</dt><dd>80</dd>');
    expect(own.body).toContain('<dt>Points this week</dt><dd>30</dd>');
    expect(own.body).toContain('<dt>Current streak</dt><dd>8 rounds</dd>');
    expect(own.body).toContain('<dt>Best streak</dt><dd>8</dd>');
    expect(own.body).toContain('<dt>Streak freezes</dt><dd>1</dd>');
    expect(own.body).toContain('Your mastery by category');
    const other = await get(memberUrl(linkFor(ADA.id), BEN.id));
    expect(other.body).toContain('<h1>Ben</h1>');
    expect(other.body).toContain('<dt>Answers</dt><dd>4</dd>');
    expect(other.body).toContain('<dt>Current streak</dt><dd>0 rounds</dd>');
    expect(other.body).toContain('<dt>Best streak</dt><dd>4</dd>');
    expect(other.body).toContain('Answers by category');
    expect(other.body).not.toContain('Your mastery');
    const eve = await get(memberUrl(linkFor(ADA.id), EVE.id));
    expect(eve.body).toContain('<h1>&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(eve.body).not.toMatch(/<script|<img/);
  });

  it('opens a hidden member’s page for that member only', async () => {
    expect((await get(memberUrl(linkFor(ADA.id), HAL.id))).status).toBe(404);
    const own = await get(memberUrl(linkFor(HAL.id), HAL.id));
    expect(own.status).toBe(200);
    expect(own.body).toContain('<h1>a member</h1>');
    expect(own.body).toContain('Your mastery by category');
    expect(own.body).not.toContain('Hidden Hal');
    expect((await get(memberUrl(linkFor(ADA.id), 'test:nobody'))).status).toBe(404);
  });

  it('answers 403 without a link, to a forged, expired or other channel’s link, and 404 off its paths', async () => {
    const url = linkFor(ADA.id);
    expect((await get(url.split('?')[0]!)).status).toBe(403);
    expect((await get(url.replace(/.{4}$/, 'AAAA'))).status).toBe(403);
    const elsewhere = web.links.link('test:C:other', ADA.id, 1, h.clock.now()).url.split('?t=')[1];
    const refused = await get(`${url.split('?')[0]}?t=${elsewhere}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Ask for a new one with /mlq web in the channel.');
    h.clock.set(new Date('2026-12-03T03:00:00Z'));
    expect((await get(url)).status).toBe(403);
    h.clock.set(new Date('2026-12-03T02:59:59Z'));
    expect((await get(url)).status).toBe(200);
    h.clock.set(NOW);
    expect((await get(`${web.base}/web/`)).status).toBe(404);
    expect((await get(`${web.base}/web/x/y`)).status).toBe(404);
    expect((await get(`${web.base}/web/%E0%A4%A`)).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(404);
    const head = await fetch(url, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});

describe('/mlq web', () => {
  it('says the page is not enabled without MLQ_WEB_SECRET', async () => {
    const links = h.deps.web;
    h.deps.web = undefined;
    expect(await say(ADA, 'web')).toContain(WEB_NOT_ENABLED);
    h.deps.web = links;
  });

  it('gives a member a private link that opens the page, and lets organisers alone rotate links and make the page public', async () => {
    const reply = await command(h, GROUP, ADA, 'web');
    expect(reply.visibility).toBe('private');
    const text = cardText(reply.card);
    expect(text).toContain('it works until Thu 3 Dec 12:00 (Asia/Tokyo)');
    const url = /http:\/\/\S+/.exec(text)![0];
    expect((await get(url)).status).toBe(200);

    expect(await say(BEN, 'web rotate')).toContain("is for the channel's organisers");
    expect(await say(BEN, 'web public on')).toContain("is for the channel's organisers");
    expect(await say(ADA, 'web public')).toContain('`/mlq web public on` or `/mlq web public off`');
    expect(await say(ADA, 'web rotate on')).toContain('On or off goes with `public`');

    expect(await say(ORGANISER, 'web rotate')).toContain('Rotated: every link to this channel’s page given before now stops working.');
    expect((await get(url)).status).toBe(403);
    const fresh = /http:\/\/\S+/.exec(await say(ADA, 'web'))![0];
    expect((await get(fresh)).status).toBe(200);

    expect(await say(ORGANISER, 'web public on')).toContain(`The page is public: anyone with its address can read it`);
    const open = await get(`${web.base}/web/test%3AC%3Aweb`);
    expect([open.status, open.headers.get('cache-control')]).toEqual([200, 'public, max-age=60']);
    expect(open.body).toContain('<caption>All time</caption>');
    expect(open.body).not.toContain('Hidden Hal');
    expect((await get(`${web.base}/web/test%3AC%3Aweb/m/test%3Ahal`)).status).toBe(404);
    expect(await say(ORGANISER, 'web public off')).toContain('The page is private again');
    expect((await get(`${web.base}/web/test%3AC%3Aweb`)).status).toBe(403);
    expect((await get(fresh)).status).toBe(200);
  });
});
