import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { FakeSlack, slackSignature } from '../../tests/helpers/fake-slack.ts';

/**
 * The processes that play Slack for the commands benchmark, each as remote as Slack is. `api` serves the Web API
 * and the response URLs, prints `READY <api url> <response base>`, and on each stdin line prints how many replies
 * arrived. `load <secret> <rate> <seconds> <response base>` reads the service's events URL from stdin, sends signed
 * `/mlq` requests at a fixed rate over kept-alive connections (the first second unmeasured), and prints the
 * latencies as JSON. Two processes, so that serving replies never delays a measurement.
 */
const [role, ...args] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin });

if (role === 'api') {
  const slack = await new FakeSlack().start();
  process.stdout.write(`READY ${slack.apiUrl} ${slack.responseUrl('')}\n`);
  lines.on('line', () => process.stdout.write(`${slack.responses.length}\n`));
  lines.on('close', () => void slack.stop());
} else {
  const [secret, rateText, secondsText, responseBase] = args as [string, string, string, string];
  const rate = Number(rateText);
  const warmup = rate;
  const total = warmup + rate * Number(secondsText);
  const target = new URL(await new Promise<string>((resolve) => lines.once('line', resolve)));
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const send = (body: string) =>
    new Promise<{ status: number; ms: number }>((resolve) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const started = performance.now();
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
            'x-slack-request-timestamp': String(timestamp),
            'x-slack-signature': slackSignature(secret, timestamp, body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        },
      );
      req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
      req.end(body);
    });
  const latencies: number[] = [];
  let failures = 0;
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C1',
      user_id: `U${(i % 1000) + 1}`,
      user_name: 'u',
      command: '/mlq',
      text: i % 2 ? 'streak' : 'leaderboard',
      response_url: `${responseBase}${i}`,
      trigger_id: 't',
    }).toString();
    inflight.push(
      send(body).then((r) => {
        if (i < warmup) return;
        if (r.status === 200) latencies.push(r.ms);
        else failures++;
      }),
    );
  }
  await Promise.all(inflight);
  agent.destroy();
  process.stdout.write(`${JSON.stringify({ latencies, failures, total })}\n`);
  lines.close();
}
