import { join, resolve } from 'node:path';
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
import { StartupTimer } from './startup-timer.ts';
import { consoleConfig } from './platforms/console/config.ts';
import { ConsolePlatform } from './platforms/console/platform.ts';
import { discordConfig } from './platforms/discord/config.ts';
import { slackConfig } from './platforms/slack/config.ts';
import { startScheduler } from './scheduler/scheduler.ts';
import { bankSeed } from './store/bank-seed.ts';
import { connect, type StoreConnection, type StoreSeed } from './store/connect.ts';
import { migrateToLatest } from './store/migrate.ts';
import { createRepository } from './store/repository.ts';

/** A user mistake: one sentence on stderr, exit code 1, no stack trace. */
function fail(sentence: string): never {
  process.stderr.write(`mlq: ${sentence}\n`);
  process.exit(1);
}

async function openStore(config: Config, seed: StoreSeed): Promise<StoreConnection> {
  const store = await connect({ databaseUrl: config.DATABASE_URL, dataDir: resolve(config.MLQ_DATA_DIR), seed }).catch((error: Error) =>
    fail(`the database could not be opened (${error.message}).`),
  );
  if (!(await store.ping())) {
    await store.close().catch(() => undefined);
    fail(config.DATABASE_URL ? 'the Postgres server at DATABASE_URL cannot be reached; check the host, port, user and database name.' : `the embedded database in ${config.MLQ_DATA_DIR} cannot be opened.`);
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
  const slack = slackConfig(process.env, fromFile);
  if (!slack.ok) fail(slack.message);
  const discord = discordConfig(process.env, fromFile);
  if (!discord.ok) fail(discord.message);
  const chatConfigured = slack.value !== null || discord.value !== null;
  const useConsole = config.MLQ_CONSOLE === 'on' || (config.MLQ_CONSOLE === 'auto' && !chatConfigured);
  const port = config.PORT ?? (slack.value?.mode === 'http' ? 3000 : undefined);
  const logger = pino({ level: config.LOG_LEVEL ?? (useConsole ? 'warn' : 'info'), base: { service: 'mlq' } }, pino.destination(useConsole ? 2 : 1));
  if (!chatConfigured && !useConsole) logger.warn(NO_CHAT_PLATFORM);

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

  const ports = new Ports();
  const console = consoleConfig(process.env);
  const deps: CoreDeps = {
    repo,
    ports,
    clock: systemClock,
    logger,
    admins: config.MLQ_ADMINS,
    defaults: {
      timezone: config.MLQ_TIMEZONE ?? 'UTC',
      postTime: config.MLQ_POST_TIME,
      weekdays: [1, 2, 3, 4, 5],
      revealDelayMinutes: config.MLQ_REVEAL_DELAY,
      categories: [],
      levels: [],
    },
  };
  const mlq = new Mlq(deps);
  const terminal = useConsole ? new ConsolePlatform(console) : null;
  if (terminal) ports.register(terminal);
  const slackPlatform = slack.value ? new (await import('./platforms/slack/platform.ts')).SlackPlatform(slack.value, logger) : null;
  if (slackPlatform) {
    ports.register(slackPlatform);
    slackPlatform.attach(mlq);
    const who = await slackPlatform.start().catch((error: { data?: { error?: string }; message?: string }) =>
      fail(
        error.data?.error === 'invalid_auth' || error.data?.error === 'not_authed'
          ? `SLACK_BOT_TOKEN was refused by Slack (${error.data.error}); copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page.`
          : `Slack could not be reached with the configured tokens (${error.data?.error ?? error.message}).`,
      ),
    );
    logger.info({ team: who.team, bot: who.botUserId, mode: slack.value!.mode }, 'connected to Slack');
  }

  const discordModule = discord.value ? await import('./platforms/discord/platform.ts') : null;
  const discordPlatform = discord.value && discordModule ? new discordModule.DiscordPlatform(discord.value, logger) : null;
  if (discordPlatform) {
    ports.register(discordPlatform);
    discordPlatform.attach(mlq);
    const started = await discordPlatform.start().catch((error: Error & { code?: string }) =>
      fail(
        error instanceof discordModule!.MessageContentRefusedError
          ? error.message
          : error.code === 'TokenInvalid'
            ? 'DISCORD_TOKEN was refused by Discord; copy the token from the Bot page of your application in the Developer Portal.'
            : `Discord could not be reached with DISCORD_TOKEN (${error.message}).`,
      ),
    );
    logger.info({ application: started.application, invite: started.invite }, `connected to Discord; invite mlq to a server with ${started.invite}`);
  }

  const http = port
    ? await startHttpServer({ port, host: config.HOST, healthy: () => store.ping(), handlers: slackPlatform ? [slackPlatform.handle] : [] }).catch(
        (error: NodeJS.ErrnoException) =>
          fail(listenFailureSentence(error, { port, host: config.HOST, portSet: config.PORT !== undefined, fromFile })),
      )
    : null;
  if (http) logger.info({ port: http.port, host: config.HOST }, 'health check at /healthz');
  stages.mark('platforms');

  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    await scheduler.stop();
    await slackPlatform?.stop();
    await discordPlatform?.stop();
    await http?.close();
    await store.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const scheduler = startScheduler(() => mlq.tick({ concurrency: config.MLQ_FANOUT }), logger);

  if (terminal) {
    process.stdout.write(`mlq · a terminal study channel (${store.describe}). Reply to answer; /mlq help lists the commands.\n\n`);
    await mlq.ensureChannel({
      ...deps.defaults,
      id: console.channelId,
      communityId: console.communityId,
      name: 'terminal',
      timezone: config.MLQ_TIMEZONE ?? console.timezone,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      organiserIds: [console.memberId],
    });
    const before = await mlq.currentRound(console.channelId);
    const round = await mlq.startToday(console.channelId);
    if (round && before && round.id === before.id) {
      const reply = await mlq.command({ channelId: console.channelId, communityId: console.communityId, actor: { id: console.memberId, name: console.memberName }, text: '/mlq today' });
      await terminal.sendPrivate(console.memberId, console.channelId, reply.card);
    }
    await terminal.run(mlq);
    await shutdown(0);
  } else {
    await scheduler.runNow();
    stages.mark('first pass');
    logger.info({ startupMs: stages.report() }, 'mlq is running');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`mlq: an unexpected error stopped the service: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(70);
});
