import { afterEach, describe, expect, it } from 'vitest';
import { card, text } from '../../src/core/message.ts';
import { ChannelUnavailableError } from '../../src/core/port.ts';
import { SlackPlatform } from '../../src/platforms/slack/platform.ts';
import { keyId } from '../../src/secrets/secret-box.ts';
import { captureLogger } from '../helpers/process.ts';
import { SECRET, TEST_PACE } from '../helpers/slack-harness.ts';
import { createSlackOAuthHarness, KEY_A, type SlackOAuthHarness, STATE_COOKIE, STATE_SECRET } from '../helpers/slack-oauth-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackOAuthHarness;
afterEach(async () => {
  await h.close();
});

const installs = () => h.database.store.db.selectFrom('installs').selectAll().orderBy('workspace_id').execute();
const channel = (id: string) =>
  h.database.store.db
    .selectFrom('channels')
    .select(['id', 'active', 'paused_reason', 'next_post_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const tokenOf = (team: string) => [...h.slack.workspaces.get(team)!.tokens].at(-1)!;
const postsTo = (channelId: string) => h.slack.of('chat.postMessage').filter((c) => c.params.channel === channelId);

/** Two workspaces, each with a channel of its own, installed through the OAuth flow. */
async function installTwo() {
  h.slack.workspace('TALPHA', 'Alpha Study', ['CA1']);
  h.slack.workspace('TBETA', 'Beta Study', ['CB1']);
  expect((await h.install('TALPHA')).status).toBe(200);
  expect((await h.install('TBETA')).status).toBe(200);
}

/** Subscribes the workspace's channel with /mlq start; the question post that follows. */
async function start(team: string, channelId: string) {
  const before = postsTo(channelId).length;
  const started = await h.command(team, channelId, `U${team}1`, 'start');
  expect(started.status).toBe(200);
  return waitFor(() => postsTo(channelId)[before]);
}

describe('Slack installed into two workspaces through the OAuth flow (HTTP mode)', () => {
  it('stores each installation sealed and answers each workspace with its own token', async () => {
    h = await createSlackOAuthHarness({ start: new Date() });
    await installTwo();

    const rows = await installs();
    expect(rows.map((r) => [r.platform, r.workspace_id, r.workspace_name, r.key_id])).toEqual([
      ['slack', 'TALPHA', 'Alpha Study', keyId(KEY_A)],
      ['slack', 'TBETA', 'Beta Study', keyId(KEY_A)],
    ]);
    for (const row of rows) {
      expect(row.sealed).not.toContain(tokenOf(row.workspace_id));
      expect(row.sealed).not.toContain('xoxb-');
      expect(row.sealed).not.toContain('secretpart');
    }
    expect(h.slack.of('oauth.v2.access').map((c) => c.params.code)).toEqual(['code-TALPHA-1', 'code-TBETA-2']);

    const postA = await start('TALPHA', 'CA1');
    const postB = await start('TBETA', 'CB1');
    expect(postA.token).toBe(tokenOf('TALPHA'));
    expect(postB.token).toBe(tokenOf('TBETA'));
    expect(postA.result?.ok).toBe(true);
    expect(postB.result?.ok).toBe(true);

    const answer = (team: string, channelId: string, root: string, ts: string) =>
      h.event(team, {
        type: 'message',
        channel: channelId,
        user: `U${team}2`,
        text: 'Bias is systematic error from wrong assumptions; variance is sensitivity to the particular training sample.',
        ts,
        thread_ts: root,
        channel_type: 'channel',
      });
    expect((await answer('TALPHA', 'CA1', String(postA.result!.ts), '1800000000.000001')).status).toBe(200);
    expect((await answer('TBETA', 'CB1', String(postB.result!.ts), '1800000000.000002')).status).toBe(200);
    await waitFor(() => h.slack.of('reactions.add').length === 2);
    const reactions = h.slack.of('reactions.add').map((c) => [c.params.channel, c.token, c.result?.ok]);
    expect(reactions).toEqual([
      ['CA1', tokenOf('TALPHA'), true],
      ['CB1', tokenOf('TBETA'), true],
    ]);
    const names = h.slack.of('users.info').map((c) => [c.params.user, c.token]);
    expect(names).toContainEqual(['UTALPHA2', tokenOf('TALPHA')]);
    expect(names).toContainEqual(['UTBETA2', tokenOf('TBETA')]);
  });

  it('drops an event from a workspace that never installed mlq', async () => {
    h = await createSlackOAuthHarness({ start: new Date() });
    await installTwo();
    const calls = h.slack.calls.length;
    const result = await h.command('TGAMMA', 'CG1', 'UG1', 'start');
    expect(result.status).toBe(200);
    expect(h.slack.calls.slice(calls).map((c) => c.method)).toEqual([]);
    expect(await h.database.store.db.selectFrom('channels').select('id').execute()).toEqual([]);
  });

  it('deletes the installation and pauses its channels on app_uninstalled; a reinstall resumes them', async () => {
    h = await createSlackOAuthHarness({ start: new Date() });
    await installTwo();
    await start('TALPHA', 'CA1');
    await start('TBETA', 'CB1');
    const firstToken = tokenOf('TALPHA');

    h.slack.uninstall('TALPHA');
    expect((await h.event('TALPHA', { type: 'app_uninstalled' })).status).toBe(200);
    expect((await installs()).map((r) => r.workspace_id)).toEqual(['TBETA']);
    expect(await channel('slack:TALPHA:CA1')).toMatchObject({ active: false, paused_reason: 'app_uninstalled', next_post_at: null });
    expect(await channel('slack:TBETA:CB1')).toMatchObject({ active: true, paused_reason: null });

    // an event that still arrives from the uninstalled workspace finds no installation: nothing is called
    const calls = h.slack.calls.length;
    await h.command('TALPHA', 'CA1', 'UTALPHA1', 'today');
    expect(h.slack.calls.slice(calls)).toEqual([]);
    // the same event delivered again changes nothing
    expect((await h.event('TALPHA', { type: 'app_uninstalled' })).status).toBe(200);

    expect((await h.install('TALPHA')).status).toBe(200);
    expect((await installs()).map((r) => r.workspace_id)).toEqual(['TALPHA', 'TBETA']);
    const resumed = await channel('slack:TALPHA:CA1');
    expect(resumed).toMatchObject({ active: true, paused_reason: null });
    expect(resumed.next_post_at).not.toBeNull();
    expect(tokenOf('TALPHA')).not.toBe(firstToken);

    const posted = await h.service.platform.port.post('slack:TALPHA:CA1', card('Back', [text('mlq is back.')]));
    expect(posted.messageId).toMatch(/^slack:TALPHA:CA1:/);
    expect(postsTo('CA1').at(-1)?.token).toBe(tokenOf('TALPHA'));
  });

  it('treats tokens_revoked for the bot as an uninstall, and ignores one for user tokens only', async () => {
    h = await createSlackOAuthHarness({ start: new Date() });
    await installTwo();
    await start('TBETA', 'CB1');

    await h.event('TBETA', { type: 'tokens_revoked', tokens: { oauth: ['UTBETA1'] } });
    expect((await installs()).map((r) => r.workspace_id)).toEqual(['TALPHA', 'TBETA']);
    expect(await channel('slack:TBETA:CB1')).toMatchObject({ active: true });

    await h.event('TBETA', { type: 'tokens_revoked', tokens: { bot: ['UBOT3'] } });
    expect((await installs()).map((r) => r.workspace_id)).toEqual(['TALPHA']);
    expect(await channel('slack:TBETA:CB1')).toMatchObject({ active: false, paused_reason: 'tokens_revoked' });

    expect((await h.install('TBETA')).status).toBe(200);
    expect(await channel('slack:TBETA:CB1')).toMatchObject({ active: true, paused_reason: null });
  });

  it('keeps a channel an organiser paused paused across an uninstall and a reinstall', async () => {
    h = await createSlackOAuthHarness({ start: new Date() });
    await installTwo();
    await start('TALPHA', 'CA1');
    h.slack.admins.add('UTALPHA1');
    await h.command('TALPHA', 'CA1', 'UTALPHA1', 'stop');
    expect(await channel('slack:TALPHA:CA1')).toMatchObject({ active: false });

    await h.event('TALPHA', { type: 'app_uninstalled' });
    await h.install('TALPHA');
    expect(await channel('slack:TALPHA:CA1')).toMatchObject({ active: false, paused_reason: null });
  });

  it('posts scheduled questions with each workspace token; a token Slack revoked unseen pauses its channel until a reinstall', async () => {
    h = await createSlackOAuthHarness({ start: new Date('2026-11-24T08:00:00Z') });
    await installTwo();
    await start('TALPHA', 'CA1');
    await start('TBETA', 'CB1');
    // the uninstall happens while mlq hears nothing of it (the event was lost): only the token stops working
    h.slack.uninstall('TALPHA');
    const due = (await channel('slack:TALPHA:CA1')).next_post_at!;
    expect(due.toISOString()).toBe('2026-11-25T09:00:00.000Z');
    h.clock.set(new Date('2026-11-25T09:01:00Z'));
    await h.mlq.tick();

    expect(postsTo('CB1').at(-1)).toMatchObject({ token: tokenOf('TBETA'), result: { ok: true } });
    expect(postsTo('CA1').at(-1)).toMatchObject({ token: tokenOf('TALPHA'), result: { ok: false, error: 'token_revoked' } });
    expect(await channel('slack:TALPHA:CA1')).toMatchObject({ active: false, paused_reason: 'tokens_revoked' });
    expect(await channel('slack:TBETA:CB1')).toMatchObject({ active: true });

    expect((await h.install('TALPHA')).status).toBe(200);
    expect(await channel('slack:TALPHA:CA1')).toMatchObject({ active: true, paused_reason: null });
    await h.mlq.tick();
    expect(postsTo('CA1').at(-1)).toMatchObject({ token: tokenOf('TALPHA'), result: { ok: true } });
  });

  it('lets a replica still holding the token of before a reinstall fail one attempt and post with the new token, not pause', async () => {
    h = await createSlackOAuthHarness({ start: new Date() });
    await installTwo();
    await start('TALPHA', 'CA1');
    const replica = new SlackPlatform(
      {
        mode: 'http',
        signingSecret: SECRET,
        apiUrl: h.slack.apiUrl,
        oauth: { ...h.slack.oauthApp, stateSecret: STATE_SECRET, secretKey: KEY_A },
      },
      captureLogger().logger,
      { installs: h.repo, retry: { retries: 0 }, pace: TEST_PACE },
    );
    const note = card('Note', [text('A note for the channel.')]);
    await replica.port.post('slack:TALPHA:CA1', note);
    const before = tokenOf('TALPHA');
    expect(postsTo('CA1').at(-1)?.token).toBe(before);

    h.slack.uninstall('TALPHA');
    await h.event('TALPHA', { type: 'app_uninstalled' });
    await h.install('TALPHA');
    expect(tokenOf('TALPHA')).not.toBe(before);

    const refused = await replica.port.post('slack:TALPHA:CA1', note).catch((error: Error) => error);
    expect(refused).toMatchObject({ data: { error: 'token_revoked' } });
    expect(refused).not.toBeInstanceOf(ChannelUnavailableError);
    await replica.port.post('slack:TALPHA:CA1', note);
    expect(postsTo('CA1').at(-1)).toMatchObject({ token: tokenOf('TALPHA'), result: { ok: true } });
    expect(await channel('slack:TALPHA:CA1')).toMatchObject({ active: true, paused_reason: null });
  });

  it('pauses a channel whose workspace has no installation left when its question is due', async () => {
    h = await createSlackOAuthHarness({ start: new Date('2026-11-24T08:00:00Z') });
    await installTwo();
    await start('TALPHA', 'CA1');
    // the installation was deleted by another replica, whose app_uninstalled handling stopped before pausing
    await h.database.store.db.deleteFrom('installs').where('workspace_id', '=', 'TALPHA').execute();
    await h.restart();
    const posts = postsTo('CA1').length;
    h.clock.set(new Date('2026-11-25T09:01:00Z'));
    await h.mlq.tick();
    expect(postsTo('CA1')).toHaveLength(posts);
    expect(await channel('slack:TALPHA:CA1')).toMatchObject({ active: false, paused_reason: 'app_uninstalled' });
  });
});

describe('the OAuth state parameter', () => {
  it('redirects /slack/install to Slack with a signed state, also set as a cookie', async () => {
    h = await createSlackOAuthHarness();
    const started = await h.startInstall();
    expect(started.status).toBe(302);
    const url = new URL(started.location);
    expect(url.origin + url.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(url.searchParams.get('client_id')).toBe(h.slack.oauthApp.clientId);
    expect(url.searchParams.get('scope')?.split(',')).toContain('chat:write');
    expect(started.cookie).toBe(`${STATE_COOKIE}=${started.state}`);
  });

  it('refuses a forged state, a state without its cookie, another browser’s cookie, and no state, storing nothing', async () => {
    h = await createSlackOAuthHarness();
    h.slack.workspace('TALPHA', 'Alpha Study');
    const started = await h.startInstall();
    const other = await h.startInstall();
    const forged = `${started.state.slice(0, -4)}AAAA`;
    const attempts = [
      await h.callback({ code: h.slack.grantCode('TALPHA'), state: forged }, `${STATE_COOKIE}=${forged}`),
      await h.callback({ code: h.slack.grantCode('TALPHA'), state: 'made-up' }, `${STATE_COOKIE}=made-up`),
      await h.callback({ code: h.slack.grantCode('TALPHA'), state: started.state }),
      await h.callback({ code: h.slack.grantCode('TALPHA'), state: started.state }, other.cookie),
      await h.callback({ code: h.slack.grantCode('TALPHA') }, started.cookie),
    ];
    expect(attempts.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    expect(h.service.logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(h.slack.of('oauth.v2.access')).toEqual([]);
    expect(await installs()).toEqual([]);
  });

  it('refuses a replayed callback: its state was used once already', async () => {
    h = await createSlackOAuthHarness();
    h.slack.workspace('TALPHA', 'Alpha Study');
    h.slack.workspace('TBETA', 'Beta Study');
    const started = await h.startInstall();
    const first = await h.callback({ code: h.slack.grantCode('TALPHA'), state: started.state }, started.cookie);
    expect(first.status).toBe(200);
    const replay = await h.callback({ code: h.slack.grantCode('TBETA'), state: started.state }, started.cookie);
    expect(replay.status).toBe(400);
    expect(h.slack.of('oauth.v2.access')).toHaveLength(1);
    expect((await installs()).map((r) => r.workspace_id)).toEqual(['TALPHA']);
  });

  it('stores nothing when Slack refuses the code', async () => {
    h = await createSlackOAuthHarness();
    h.slack.workspace('TALPHA', 'Alpha Study');
    const started = await h.startInstall();
    const refused = await h.callback({ code: 'code-never-granted', state: started.state }, started.cookie);
    expect(refused.status).toBe(500);
    expect(h.slack.of('oauth.v2.access').map((c) => c.result?.error)).toEqual(['invalid_code']);
    expect(await installs()).toEqual([]);
  });
});
