import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { formatProblem, loadBank } from './bank/load.ts';
import { ParseCache } from './bank/parse-cache.ts';
import { cacheDir } from './cache-dir.ts';
import { type Config, listenFailureSentence, loadConfig, NO_CHAT_PLATFORM, questionsDirSentence } from './config.ts';
import { Mlq } from './core/app.ts';
import { systemClock } from './core/clock.ts';
import type { CoreDeps } from './core/deps.ts';
import { Ports } from './core/port.ts';
import { loadEnvFile } from './env-file.ts';
import { startHttpServer } from './http-server.ts';
import { terminal } from './platforms/console/index.ts';
import { discord } from './platforms/discord/index.ts';
import type { PlatformEntry } from './platforms/lifecycle.ts';
import { slack } from './platforms/slack/index.ts';
import { startScheduler } from './scheduler/scheduler.ts';
import { stopWithin } from './shutdown.ts';
import { StartupTimer } from './startup-timer.ts';
import { bankSeed } from './store/bank-seed.ts';
import { connect, type StoreConnection, StoreError, type StoreSeed } from './store/connect.ts';
import { leasesRepo } from './store/leases-repo.ts';
import { migrateToLatest } from './store/migrate.ts';
import { rateSlotsRepo } from './store/rate-slots-repo.ts';
import { createRepository } from './store/repository.ts';
import { createWeb } from './web/index.ts';

/** Every platform mlq can serve; adding one adds its folder and one entry here. */
const PLATFORMS: PlatformEntry[] = [slack, discord, terminal];

/** A user mistake: one sentence on stderr, exit code 1, no stack trace. */
function fail(sentence: string): never {
  process.stderr.write(`mlq: ${sentence}\n`);
  process.exit(1);
}

async function openStore(config: Config, seed: StoreSeed): Promise<StoreConnection> {
  const store = await connect({ databaseUrl: config.DATABASE_URL, dataDir: resolve(config.MLQ_DATA_DIR), seed }).catch((error: unknown) =>
    fail(
      error instanceof StoreError
        ? error.message
        : `the database could not be opened (${error instanceof Error ? error.message : String(error)}).`,
    ),
  );
  if (!(await store.ping())) {
    await store.close().catch(() => undefined);
    fail(`the database (${store.describe}) stopped answering right after it opened.`);
  }
  return store;
}

async function main(): Promise<void> {
  const stages = new StartupTimer();
  const envFile = loadEnvFile();
  if (!envFile.ok) fail(envFile.message);
  const fromFile = envFile.value;
  const loaded = loadConfig(process.env, fromFile);
  if (!loaded.ok) fail(loaded.message);
  const config = loaded.value;
  const configured = PLATFORMS.flatMap((entry) => {
    const settings = entry.config(process.env, fromFile);
    if (!settings.ok) fail(settings.message);
    return settings.value === null ? [] : [{ entry, settings: settings.value }];
  });
  const remote = configured.some((c) => !c.entry.local);
  const useLocal = config.MLQ_CONSOLE === 'on' || (config.MLQ_CONSOLE === 'auto' && !remote);
  const enabled = configured.filter((c) => !c.entry.local || useLocal);
  const useConsole = enabled.some((c) => c.entry.local);
  const logger = pino(
    { level: config.LOG_LEVEL ?? (useConsole ? 'warn' : 'info'), base: { service: 'mlq' } },
    pino.destination(useConsole ? 2 : 1),
  );
  if (!remote && !useConsole) logger.warn(NO_CHAT_PLATFORM);

  const bank = loadBank(resolve(config.MLQ_QUESTIONS_DIR), ParseCache.open(join(cacheDir(), 'bank-parse.json')));
  stages.mark('bank');
  if (bank.folder) fail(questionsDirSentence(bank.folder, config.MLQ_QUESTIONS_DIR, fromFile));
  if (bank.problems.length) {
    const more = bank.problems.length > 1 ? ` (and ${bank.problems.length - 1} more; npm run bank -- lint lists them)` : '';
    fail(`a question file is malformed: ${formatProblem(bank.problems[0]!)}${more}.`);
  }

  const store = await openStore(config, bankSeed(bank.questions));
  stages.mark('store');
  await migrateToLatest(store.db).catch((error: Error) => fail(`the database schema could not be migrated (${error.message}).`));
  stages.mark('migrate');
  const repo = createRepository(store.db);
  const synced = await repo.syncQuestions(bank.questions, new Date());
  stages.mark('sync');
  logger.info({ store: store.describe, ...synced }, 'store ready and bank synced');

  // On PGlite the data-dir lock makes this the only process, so it owns every shard; on Postgres the replicas share them.
  const replica = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const dataDir = config.DATABASE_URL ? undefined : resolve(config.MLQ_DATA_DIR);
  const rates = config.DATABASE_URL ? rateSlotsRepo(store.db) : undefined;
  const context = { logger, store: store.describe, leases: leasesRepo(store.db), replica, installs: repo, dataDir, rates };
  const platforms = await Promise.all(enabled.map((c) => c.entry.load(c.settings, context)));
  const routes = platforms.flatMap((p) => p.routes);
  const port = config.PORT ?? (routes.length || config.MLQ_WEB_SECRET ? 3000 : undefined);
  const metrics = port ? (await import('./metrics.ts')).createMetrics() : undefined;
  const ports = new Ports(metrics);
  const deps: CoreDeps = {
    repo,
    ports,
    clock: systemClock,
    monotonic: () => performance.now(),
    metrics,
    logger,
    admins: config.MLQ_ADMINS,
    // The chart code (and its native rasteriser) loads on the first chart, not at start-up.
    charts: { render: async (request) => (await import('./charts/chart-maker.ts')).chartMaker.render(request) },
    defaults: {
      timezone: config.MLQ_TIMEZONE ?? 'UTC',
      postTime: config.MLQ_POST_TIME,
      weekdays: [1, 2, 3, 4, 5],
      revealDelayMinutes: config.MLQ_REVEAL_DELAY,
      categories: [],
      levels: [],
    },
  };
  deps.web = createWeb(config, port, deps, routes);
  const mlq = new Mlq(deps);
  for (const platform of platforms) {
    ports.register(platform.port);
    platform.attach(mlq);
  }
  for (const platform of platforms) {
    const started = await platform.start().catch((error: unknown) => fail(platform.startFailure(error)));
    logger.info(started.fields, started.message);
  }

  const http = port
    ? await startHttpServer({ port, host: config.HOST, healthy: () => store.ping(), metrics, handlers: routes }).catch(
        (error: NodeJS.ErrnoException) =>
          fail(listenFailureSentence(error, { port, host: config.HOST, portSet: config.PORT !== undefined, fromFile })),
      )
    : null;
  if (http) logger.info({ port: http.port, host: config.HOST }, 'health check at /healthz, Prometheus metrics at /metrics');
  stages.mark('platforms');

  let stopping = false;
  /**
   * Stops taking work (no new interactions: gateways and sockets closed, shard leases given back; no new claims),
   * lets the running pass finish what it started and give back what it claimed but had not started, then closes
   * the platforms, the HTTP server and the store; after MLQ_STOP_TIMEOUT it exits anyway.
   */
  const shutdown = async (code = 0, signal?: string) => {
    if (stopping) return;
    stopping = true;
    if (signal) logger.info({ signal }, 'stopping: taking no new work, finishing what is in flight');
    const outcome = await stopWithin(
      [
        { name: 'closing inbound connections', run: () => Promise.all(platforms.map((p) => p.pause?.())) },
        { name: 'answering the events already taken', run: () => Promise.all(platforms.map((p) => p.drain?.())) },
        { name: 'finishing the scheduler pass', run: () => scheduler.stop() },
        { name: 'stopping the platforms', run: () => Promise.all(platforms.map((p) => p.stop())) },
        { name: 'closing the HTTP server', run: async () => http?.close() },
        { name: 'closing the store', run: () => store.close() },
      ],
      config.MLQ_STOP_TIMEOUT * 1000,
      logger,
    );
    if (signal && outcome === 'done') logger.info({ signal }, 'stopped');
    process.exit(outcome === 'done' ? code : 1);
  };
  process.on('SIGINT', () => void shutdown(0, 'SIGINT'));
  process.on('SIGTERM', () => void shutdown(0, 'SIGTERM'));

  const tick = async () => {
    const report = await mlq.tick({ concurrency: config.MLQ_FANOUT, stopping: () => stopping });
    if (report.released) logger.info({ released: report.released }, 'stopping: claimed work not yet started was given back');
  };
  const scheduler = startScheduler(tick, logger);

  const finished = platforms.flatMap((p) => (p.finished ? [p.finished] : []));
  if (finished.length) {
    await Promise.race(finished);
    await shutdown(0);
  } else {
    await scheduler.runNow();
    stages.mark('first pass');
    logger.info({ startupMs: stages.report() }, 'mlq is running');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `mlq: an unexpected error stopped the service: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(70);
});
