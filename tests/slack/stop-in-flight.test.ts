import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack, sendSigned } from '../helpers/fake-slack.ts';
import { FAILED_REPLY } from '../helpers/process.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { SECRET, slashBody } from '../helpers/slack-harness.ts';
import { waitFor } from '../helpers/wait.ts';

let slack: FakeSlack | undefined;
let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  await slack?.stop();
  running = slack = undefined;
});

describe('SIGTERM while a Slack command is being handled', () => {
  it('finishes the command, its post and its reply, then exits 0', async () => {
    slack = await new FakeSlack().start();
    slack.admins.add('UADMIN');
    running = await startTestService('slack-stop', {
      SLACK_BOT_TOKEN: 'xoxb-service-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'info',
    });
    const { service, port } = running;

    // The question's post reaches Slack but its answer is held: `/mlq start` is in the middle of its work.
    const held = slack.hold('chat.postMessage');
    const body = slashBody('UADMIN', 'start', slack.responseUrl('stop-1'), 'trigger-stop-1');
    expect((await sendSigned(`http://127.0.0.1:${port}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded')).status).toBe(200);
    const post = await held;
    service.child.kill('SIGTERM');
    await waitFor(() => service!.stdout().includes('stopping: taking no new work'));
    expect(service.child.exitCode).toBeNull();
    post.release();

    expect(await service.exited).toBe(0);
    const reply = slack.responses.find((r) => r.url.endsWith('/respond/stop-1'));
    expect((reply?.body as { response_type?: string } | undefined)?.response_type).toBe('in_channel');
    expect(JSON.stringify(slack.responses)).not.toMatch(FAILED_REPLY);
    expect(slack.of('chat.postMessage').map((c) => c.params.channel)).toEqual(['C1']);
    expect(service.errors()).toEqual([]);
  });
});
