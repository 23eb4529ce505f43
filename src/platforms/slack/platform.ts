import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Mlq } from '../../core/app.ts';
import { InFlight } from '../../core/in-flight.ts';
import type { Logger } from '../../core/log.ts';
import type { InstallStore } from '../../core/repository/install-store.ts';
import type { RequestHandler } from '../../http-server.ts';
import { SecretBoxError } from '../../secrets/secret-box.ts';
import type { Platform, StartedPlatform } from '../lifecycle.ts';
import type { SlackConfig } from './config.ts';
import { registerListeners } from './listeners/index.ts';
import { registerInstallEvents } from './listeners/installs.ts';
import { INSTALL_PATH, SlackOAuth } from './oauth.ts';
import { PacedPosts, type SlackPace } from './paced-posts.ts';
import { ids } from './parse.ts';
import { SlackPort, slackError } from './port.ts';

/** Web API retries: minutes, not Bolt's default half hour; a 429 waits for its Retry-After before the next try. */
export const DEFAULT_RETRY = { retries: 6, factor: 2, minTimeout: 1_000, maxTimeout: 30_000, maxRetryTime: 3 * 60_000, randomize: true };

/** The token check at start-up gives up within seconds, so an unreachable Slack is reported instead of retried for minutes. */
const START_RETRY = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000, maxRetryTime: 5_000 };

/** Web API errors that mean a token was refused rather than Slack being out of reach. */
const REFUSED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'user_removed_from_team',
  'team_disabled',
]);

const DEFAULT_API_URL = 'https://slack.com/api/';

function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msg) => logger.warn({ platform: 'slack' }, text(msg)),
    error: (...msg) => logger.error({ platform: 'slack' }, text(msg)),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Thrown by `start` with the phase that failed, so the failure sentence names the right token. */
class SlackStartError extends Error {
  constructor(
    readonly phase: 'bot-token' | 'app-token' | 'secret-key',
    readonly original: unknown,
  ) {
    super(original instanceof Error ? original.message : String(original));
  }
}

/** Slack through @slack/bolt: Socket Mode with an app token, HTTP mode at /slack/events otherwise. */
export class SlackPlatform implements Platform {
  readonly name = 'slack';
  readonly app: App;
  readonly port: SlackPort;
  readonly routes: RequestHandler[];
  private mlq?: Mlq;
  private botUserId?: string;
  private readonly httpReceiver?: HTTPReceiver;
  private readonly log: BoltLogger;
  /** Slack's OAuth flow, when mlq is installed into many workspaces rather than given one bot token. */
  readonly oauth?: SlackOAuth;
  private readonly inFlight = new InFlight();

  constructor(
    private readonly config: SlackConfig,
    private readonly logger: Logger,
    /** `pace`: Slack's posting limits (tests scale them down); the defaults are Slack's. */
    options: { retry?: Partial<typeof DEFAULT_RETRY>; installs?: InstallStore; pace?: SlackPace } = {},
  ) {
    const clientOptions = {
      slackApiUrl: config.apiUrl,
      retryConfig: { ...DEFAULT_RETRY, ...options.retry },
      rejectRateLimitedCalls: false,
    };
    this.log = boltLogger(logger);
    if (config.mode === 'http') {
      this.httpReceiver = new HTTPReceiver({ signingSecret: config.signingSecret!, endpoints: '/slack/events', logger: this.log });
    }
    const receiver =
      this.httpReceiver ?? new SocketModeReceiver({ appToken: config.appToken!, installerOptions: { clientOptions }, logger: this.log });
    if (config.oauth) {
      if (!options.installs) throw new Error('the Slack OAuth flow needs the installation store');
      this.oauth = new SlackOAuth(config.oauth, options.installs, {
        clientOptions: { ...clientOptions, logger: this.log },
        logger: this.log,
        installed: async (team) => void (await this.core().accessRestored(ids.community(team))),
      });
    }
    const authorize = this.oauth ? { authorize: this.oauth.authorize } : { token: config.botToken };
    this.app = new App({ ...authorize, receiver, clientOptions, logger: this.log, deferInitialization: true });
    this.app.error(async (error) => logger.error({ platform: 'slack', err: error }, 'a Slack event could not be handled'));
    const oauth = this.oauth;
    this.port = new SlackPort(this.app.client, logger, oauth, new PacedPosts(options.pace));
    this.routes = [...(oauth ? [oauth.route] : []), ...(this.httpReceiver ? [this.handle] : [])];
    const context = { core: () => this.core(), port: this.port, botUserId: () => this.botUserId };
    // Every event's whole handling (the listener and its replies) is counted, so that stopping can wait for it.
    this.app.use(({ next }) => this.inFlight.track(next));
    registerListeners(this.app, context);
    if (oauth) registerInstallEvents(this.app, context, oauth);
  }

  attach(mlq: Mlq): void {
    this.mlq = mlq;
  }

  /** Resolves once the events, commands and interactions already taken are handled and answered. */
  drain(): Promise<void> {
    return this.inFlight.idle();
  }

  private core(): Mlq {
    if (!this.mlq) throw new Error('the Slack platform is not attached to the core');
    return this.mlq;
  }

  /** Checks the bot token (auth.test, retried for seconds only) and, in Socket Mode, opens the websocket with the app token. */
  async start(): Promise<StartedPlatform> {
    if (this.oauth) return this.startInstalled(this.oauth);
    if (this.config.ignored?.length) {
      this.logger.warn(
        { platform: 'slack', ignored: this.config.ignored },
        `${this.config.ignored.join(', ')} ignored: SLACK_BOT_TOKEN is set, so mlq serves that one workspace; unset it to install mlq into many workspaces`,
      );
    }
    const check = new webApi.WebClient(this.config.botToken, {
      slackApiUrl: this.config.apiUrl,
      retryConfig: START_RETRY,
      logger: this.log,
    });
    const auth = await check.auth.test().catch((error) => {
      throw new SlackStartError('bot-token', error);
    });
    this.botUserId = auth.user_id;
    await this.app.init();
    if (this.config.mode === 'socket') {
      await this.app.start().catch((error) => {
        throw new SlackStartError('app-token', error);
      });
    }
    return { message: 'connected to Slack', fields: { team: auth.team_id ?? '', bot: auth.user_id ?? '', mode: this.config.mode } };
  }

  /** With the OAuth flow: re-seals the installations a previous key sealed (a key rotation), then connects. */
  private async startInstalled(oauth: SlackOAuth): Promise<StartedPlatform> {
    const resealed = await oauth.installations.reseal().catch((error) => {
      throw new SlackStartError('secret-key', error);
    });
    await this.app.init();
    if (this.config.mode === 'socket') {
      await this.app.start().catch((error) => {
        throw new SlackStartError('app-token', error);
      });
    }
    return { message: 'connected to Slack', fields: { mode: this.config.mode, install: INSTALL_PATH, resealed } };
  }

  async stop(): Promise<void> {
    if (this.config.mode === 'socket') await this.app.stop().catch(() => undefined);
  }

  /** Whether the tokens were refused (naming the one), or Slack could not be reached at all (naming the address). */
  startFailure(error: unknown): string {
    const phase = error instanceof SlackStartError ? error.phase : 'bot-token';
    const original = error instanceof SlackStartError ? error.original : error;
    if (phase === 'secret-key') {
      const reason = original instanceof Error ? original.message : String(original);
      return original instanceof SecretBoxError
        ? `MLQ_SECRET_KEY does not open a stored Slack installation (${reason}); to rotate the key, set the old one as MLQ_SECRET_KEY_PREVIOUS.`
        : `the stored Slack installations could not be read (${reason}).`;
    }
    const code = slackError(original);
    if (code && REFUSED.has(code)) {
      return phase === 'app-token'
        ? `SLACK_APP_TOKEN was refused by Slack (${code}); ` +
            `copy an app-level token (xapp-…) with the connections:write scope from the app's Basic Information page.`
        : `SLACK_BOT_TOKEN was refused by Slack (${code}); copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page.`;
    }
    if (
      (original as { code?: string }).code === webApi.ErrorCode.RequestError ||
      (original as { code?: string }).code === webApi.ErrorCode.HTTPError
    ) {
      const cause = (original as { original?: { code?: string; cause?: { code?: string }; message?: string } }).original;
      const reason = cause?.code ?? cause?.cause?.code ?? cause?.message ?? (original as Error).message;
      return (
        `Slack could not be reached at ${this.config.apiUrl ?? DEFAULT_API_URL} (${reason}); ` +
        `the tokens were not checked. Check the network, a proxy, or SLACK_API_URL.`
      );
    }
    return `Slack refused to start mlq (${code ?? (original as Error).message}).`;
  }

  /** The HTTP-mode route for the service's one server; false for any other path. */
  private handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!this.httpReceiver || !req.url?.startsWith('/slack/events')) return false;
    this.httpReceiver.requestListener(req, res);
    return true;
  };
}
