import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ports } from '../src/core/port.ts';
import { startHttpServer } from '../src/http-server.ts';
import { createMetrics } from '../src/metrics.ts';
import { sendSigned } from './helpers/fake-slack.ts';
import { scrape, series } from './helpers/scrape.ts';
import { createSlackHarness, SECRET, type SlackHarness, slashBody } from './helpers/slack-harness.ts';
import { waitFor } from './helpers/wait.ts';

let h: SlackHarness;
let base: string;
let closeServer: () => Promise<void>;

/** The real Bolt app in HTTP mode on the same server as /healthz and /metrics, as main.ts wires it with PORT set. */
beforeEach(async () => {
  h = await createSlackHarness(new Date('2026-11-23T08:00:00Z'));
  h.slack.admins.add('UADMIN');
  const metrics = createMetrics();
  h.deps.metrics = metrics;
  h.deps.ports = new Ports(metrics);
  h.deps.ports.register(h.platform.port);
  const healthy = () => h.database.store.ping();
  const http = await startHttpServer({ port: 0, host: '127.0.0.1', healthy, metrics, handlers: h.platform.routes });
  base = `http://127.0.0.1:${http.port}`;
  closeServer = http.close;
});
afterEach(async () => {
  await closeServer();
  await h.close();
});

let n = 0;
/** A signed slash command sent to this server's /slack/events; resolves with Slack's response_url reply. */
async function slash(user: string, text: string) {
  const id = `metrics-${++n}`;
  const body = slashBody(user, text, h.slack.responseUrl(id), `trigger-${id}`);
  const sent = await sendSigned(`${base}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded');
  expect(sent.status).toBe(200);
  return waitFor(() => h.slack.responses.find((r) => r.url.endsWith(`/respond/${id}`))?.body);
}

describe('metrics beside Slack on one server', () => {
  it('routes /slack/events as before, and counts the command it carried', async () => {
    const answer = await slash('U1', 'help');
    expect(JSON.stringify(answer)).toContain('/mlq today');
    expect(series(await scrape(base), 'mlq_commands_total')).toEqual({ 'mlq_commands_total{command="help",outcome="ok"}': 1 });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("counts Slack's refusals under Slack's own error codes", async () => {
    h.slack.inject('chat.postMessage', { status: 200, body: { ok: false, error: 'msg_too_long' } });
    await slash('UADMIN', 'start');
    expect(h.slack.of('chat.postMessage')).toHaveLength(1);
    expect(series(await scrape(base), 'mlq_platform_errors_total')).toEqual({
      'mlq_platform_errors_total{platform="slack",code="msg_too_long"}': 1,
    });

    h.slack.goneChannels.add('C1');
    h.clock.set(new Date('2026-11-23T08:03:30Z'));
    await h.mlq.tick();
    const refused = h.slack.calls.filter((c) => c.result?.error === 'channel_not_found').map((c) => c.method);
    expect(refused).toEqual(['chat.postMessage', 'chat.postEphemeral']);
    const all = await scrape(base);
    expect(series(all, 'mlq_platform_errors_total')).toEqual({
      'mlq_platform_errors_total{platform="slack",code="msg_too_long"}': 1,
      'mlq_platform_errors_total{platform="slack",code="channel_not_found"}': 2,
    });
    expect(series(all, 'mlq_rounds_posted_total')).toEqual({});
  });
});
