import { createInterface } from 'node:readline';
import { FakeSlack, sendSigned } from '../../tests/helpers/fake-slack.ts';

/**
 * A separate process that plays Slack, as remote as Slack is: it serves the Web API and response URLs, prints
 * `READY <api url> <response base>`, waits for the service's events URL on stdin, then (after one unmeasured second
 * of warm-up) sends signed `/mlq` requests at a fixed rate and prints the latencies as JSON.
 */
const [secret, rateText, secondsText] = process.argv.slice(2) as [string, string, string];
const rate = Number(rateText);
const warmup = rate;
const total = warmup + rate * Number(secondsText);
const slack = await new FakeSlack().start();
process.stdout.write(`READY ${slack.apiUrl} ${slack.responseUrl('')}\n`);
const lines = createInterface({ input: process.stdin });
const url = await new Promise<string>((resolve) => lines.once('line', resolve));
const latencies: number[] = [];
let failures = 0;
const inflight: Promise<void>[] = [];
const started = performance.now();
for (let i = 0; i < total; i++) {
  const wait = started + (i * 1000) / rate - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const body = new URLSearchParams({ team_id: 'T1', channel_id: 'C1', user_id: `U${(i % 1000) + 1}`, user_name: 'u', command: '/mlq', text: i % 2 ? 'streak' : 'leaderboard', response_url: slack.responseUrl(i), trigger_id: 't' }).toString();
  inflight.push(
    sendSigned(url, secret, body, 'application/x-www-form-urlencoded').then((r) => {
      if (i < warmup) return;
      if (r.status === 200) latencies.push(r.ms);
      else failures++;
    }),
  );
}
await Promise.all(inflight);
for (let i = 0; i < 500 && slack.responses.length < total; i++) await new Promise((r) => setTimeout(r, 20));
process.stdout.write(`${JSON.stringify({ latencies, failures, responses: slack.responses.length, total })}\n`);
await slack.stop();
lines.close();
