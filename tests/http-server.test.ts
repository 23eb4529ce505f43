import { afterEach, describe, expect, it } from 'vitest';
import { type MetricsSource, type RequestHandler, startHttpServer } from '../src/http-server.ts';
import { createMetrics } from '../src/metrics.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A route as a platform adds one (Slack's `/slack/events`), answering what it received. */
const events: RequestHandler = (req, res) => {
  if (req.url !== '/slack/events') return false;
  res.writeHead(200, { 'content-type': 'text/plain' }).end(`events ${req.method}`);
  return true;
};

async function serve(options: { metrics?: MetricsSource; healthy?: boolean }) {
  const healthy = async () => options.healthy ?? true;
  const http = await startHttpServer({ port: 0, host: '127.0.0.1', healthy, handlers: [events], metrics: options.metrics });
  close = http.close;
  return `http://127.0.0.1:${http.port}`;
}

describe('the HTTP server with metrics', () => {
  it('serves /metrics in the Prometheus text format, with the mlq and default process metrics', async () => {
    const metrics = createMetrics();
    metrics.command('help', 'ok', 0.02);
    const base = await serve({ metrics });
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('mlq_commands_total{command="help",outcome="ok"} 1\n');
    expect(text).toContain('mlq_command_duration_seconds_bucket{le="0.025",command="help"} 1\n');
    expect(text).toContain('mlq_command_duration_seconds_bucket{le="0.01",command="help"} 0\n');
    expect(text).toContain('# TYPE mlq_scheduler_lag_seconds gauge\n');
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });

  it('answers HEAD and a query string, and leaves other methods to the routes', async () => {
    const base = await serve({ metrics: createMetrics() });
    const head = await fetch(`${base}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${base}/metrics?name[]=mlq_commands_total`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('keeps /healthz and a platform route working beside /metrics', async () => {
    const base = await serve({ metrics: createMetrics(), healthy: false });
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    const slack = await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' });
    expect(slack.status).toBe(200);
    expect(await slack.text()).toBe('events POST');
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });

  it('has no /metrics when the service gives it none', async () => {
    const base = await serve({});
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('answers 500 when the registry fails, and keeps serving', async () => {
    const base = await serve({ metrics: { contentType: 'text/plain', render: () => Promise.reject(new Error('collector broke')) } });
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('internal error');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
