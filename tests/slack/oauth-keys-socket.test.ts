import { afterEach, describe, expect, it } from 'vitest';
import { SlackPlatform } from '../../src/platforms/slack/platform.ts';
import { keyId } from '../../src/secrets/secret-box.ts';
import { FakeSlack } from '../helpers/fake-slack.ts';
import { captureLogger } from '../helpers/process.ts';
import { SECRET } from '../helpers/slack-harness.ts';
import { createSlackOAuthHarness, KEY_A, KEY_B, type SlackOAuthHarness, STATE_SECRET } from '../helpers/slack-oauth-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let h: SlackOAuthHarness;
let open = false;
afterEach(async () => {
  if (open) await h.close();
  open = false;
});
const harness = async (options?: Parameters<typeof createSlackOAuthHarness>[0]) => {
  open = true;
  return createSlackOAuthHarness(options);
};

const rows = () =>
  h.database.store.db.selectFrom('installs').select(['workspace_id', 'key_id', 'sealed']).orderBy('workspace_id').execute();
const tokenOf = (team: string) => [...h.slack.workspaces.get(team)!.tokens].at(-1)!;

describe('rotating MLQ_SECRET_KEY', () => {
  it('re-seals every installation with the new key at start-up when the old one is given as MLQ_SECRET_KEY_PREVIOUS', async () => {
    h = await harness({ start: new Date() });
    h.slack.workspace('TALPHA', 'Alpha Study', ['CA1']);
    h.slack.workspace('TBETA', 'Beta Study', ['CB1']);
    await h.install('TALPHA');
    await h.install('TBETA');
    const before = await rows();
    expect(before.map((r) => r.key_id)).toEqual([keyId(KEY_A), keyId(KEY_A)]);

    const rotated = await h.restart({ key: KEY_B, previousKey: KEY_A });
    expect(rotated.logs.some((l) => l.level === 'error')).toBe(false);
    const after = await rows();
    expect(after.map((r) => r.key_id)).toEqual([keyId(KEY_B), keyId(KEY_B)]);
    expect(after.map((r) => r.sealed)).not.toEqual(before.map((r) => r.sealed));

    await h.command('TBETA', 'CB1', 'UB1', 'start');
    const post = await waitFor(() => h.slack.of('chat.postMessage').find((c) => c.params.channel === 'CB1'));
    expect(post.token).toBe(tokenOf('TBETA'));

    // once every row is re-sealed, the previous key can go
    await h.restart({ key: KEY_B });
    await h.command('TALPHA', 'CA1', 'UA1', 'start');
    const postA = await waitFor(() => h.slack.of('chat.postMessage').find((c) => c.params.channel === 'CA1'));
    expect(postA.token).toBe(tokenOf('TALPHA'));
  });

  it('stops start-up with one sentence naming MLQ_SECRET_KEY when it does not open the stored installations', async () => {
    h = await harness();
    h.slack.workspace('TALPHA', 'Alpha Study');
    await h.install('TALPHA');
    const { logger } = captureLogger();
    const platform = new SlackPlatform(
      {
        mode: 'http',
        signingSecret: SECRET,
        apiUrl: h.slack.apiUrl,
        oauth: { ...h.slack.oauthApp, stateSecret: STATE_SECRET, secretKey: KEY_B },
      },
      logger,
      { installs: h.repo },
    );
    const failure = await platform.start().then(
      () => 'started',
      (error: unknown) => platform.startFailure(error),
    );
    expect(failure).toBe(
      `MLQ_SECRET_KEY does not open a stored Slack installation (sealed by key ${keyId(KEY_A)}, which is neither MLQ_SECRET_KEY ` +
        'nor MLQ_SECRET_KEY_PREVIOUS); to rotate the key, set the old one as MLQ_SECRET_KEY_PREVIOUS.',
    );
    expect((await rows()).map((r) => r.key_id)).toEqual([keyId(KEY_A)]);
  });
});

describe('the OAuth flow in Socket Mode', () => {
  it('serves /slack/install and /slack/oauth_redirect on the service server and authorises each envelope for its workspace', async () => {
    h = await harness({ mode: 'socket', start: new Date() });
    expect(h.service.platform.routes).toHaveLength(1);
    h.slack.workspace('TALPHA', 'Alpha Study', ['CA1']);
    h.slack.workspace('TBETA', 'Beta Study', ['CB1']);
    expect((await h.install('TALPHA')).status).toBe(200);
    expect((await h.install('TBETA')).status).toBe(200);
    expect((await rows()).map((r) => r.workspace_id)).toEqual(['TALPHA', 'TBETA']);

    await h.command('TALPHA', 'CA1', 'UA1', 'start');
    await h.command('TBETA', 'CB1', 'UB1', 'start');
    const posts = await waitFor(() => {
      const found = h.slack.of('chat.postMessage');
      return found.length === 2 ? found : undefined;
    });
    expect(posts.map((c) => [c.params.channel, c.token, c.result?.ok])).toEqual([
      ['CA1', tokenOf('TALPHA'), true],
      ['CB1', tokenOf('TBETA'), true],
    ]);

    await h.event('TALPHA', { type: 'app_uninstalled' });
    expect((await rows()).map((r) => r.workspace_id)).toEqual(['TBETA']);
    const paused = await h.database.store.db.selectFrom('channels').select(['id', 'active']).orderBy('id').execute();
    expect(paused).toEqual([
      { id: 'slack:TALPHA:CA1', active: false },
      { id: 'slack:TBETA:CB1', active: true },
    ]);
  });
});

describe('SLACK_BOT_TOKEN beside the OAuth settings', () => {
  it('keeps the single-token mode and names the OAuth settings it leaves unused in a warning', async () => {
    const slack = await new FakeSlack().start();
    const { logger, logs } = captureLogger();
    const platform = new SlackPlatform(
      {
        botToken: 'xoxb-test-token-1234',
        mode: 'http',
        signingSecret: SECRET,
        apiUrl: slack.apiUrl,
        ignored: ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'],
      },
      logger,
    );
    try {
      const started = await platform.start();
      expect(started.fields).toMatchObject({ team: 'T1', mode: 'http' });
      expect(platform.oauth).toBeUndefined();
      expect(platform.routes).toHaveLength(1);
      expect(logs.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([
        'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET ignored: SLACK_BOT_TOKEN is set, so mlq serves that one ' +
          'workspace; unset it to install mlq into many workspaces',
      ]);
    } finally {
      await platform.stop();
      await slack.stop();
    }
  });
});
