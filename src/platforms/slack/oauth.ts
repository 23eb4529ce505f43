import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Logger as BoltLogger, webApi } from '@slack/bolt';
import { type CallbackOptions, defaultCallbackSuccess, InstallProvider } from '@slack/oauth';
import { LRUCache } from 'lru-cache';
import type { InstallStore } from '../../core/repository/install-store.ts';
import { SecretBox } from '../../secrets/secret-box.ts';
import { SealedInstallationStore } from './installation-store.ts';
import type { SlackOAuthConfig } from './oauth-config.ts';
import { OnceStateStore } from './oauth-state-store.ts';

/** The bot scopes asked for at install; the same list as deploy/slack-app-manifest.yaml. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'reactions:write',
  'reactions:read',
  'channels:history',
  'groups:history',
  'users:read',
  'im:write',
  'mpim:write',
  'im:history',
];

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** How long a workspace's client (and so its token) is reused before the store is read again. */
const CLIENT_MS = 60_000;

export interface SlackOAuthOptions {
  clientOptions: webApi.WebClientOptions;
  logger: BoltLogger;
  /** Called once a workspace's installation is stored (a first install or a reinstall). */
  installed(team: string): Promise<void>;
}

/**
 * Slack's OAuth flow with Bolt's InstallProvider: `/slack/install` sends the installer to Slack's consent page
 * with a signed, one-time state (also set as a cookie), `/slack/oauth_redirect` checks the state, exchanges the
 * code (oauth.v2.access) and stores the installation sealed. Serves `authorize` for every event and each
 * workspace's Web API client for posting.
 */
export class SlackOAuth {
  readonly installations: SealedInstallationStore;
  readonly installer: InstallProvider;
  private readonly clients = new LRUCache<string, webApi.WebClient>({ max: 1_000, ttl: CLIENT_MS });
  private readonly callback: CallbackOptions;

  constructor(
    config: SlackOAuthConfig,
    store: InstallStore,
    private readonly options: SlackOAuthOptions,
  ) {
    this.installations = new SealedInstallationStore(store, new SecretBox(config.secretKey, config.previousKey));
    this.installer = new InstallProvider({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      stateStore: new OnceStateStore(config.stateSecret, store),
      installationStore: this.installations,
      directInstall: true,
      installUrlOptions: { scopes: BOT_SCOPES },
      clientOptions: options.clientOptions,
      // a refused callback (a forged, replayed or stale state) is a visitor's mistake, not the service's: a warning
      logger: { ...options.logger, error: (...message: unknown[]) => options.logger.warn(...message) },
    });
    this.callback = {
      successAsync: async (installation, installOptions, req, res) => {
        const team = installation.team?.id;
        if (team) {
          this.clients.delete(team);
          await options.installed(team).catch((error: unknown) => options.logger.error('resuming the workspace failed:', error));
        }
        defaultCallbackSuccess(installation, installOptions, req, res);
      },
    };
  }

  /** Bolt's authorize: the event's workspace's installation, or an error that makes Bolt drop the event. */
  readonly authorize = (source: Parameters<InstallProvider['authorize']>[0]) => this.installer.authorize(source);

  /** The install and redirect routes on the service's one server; false for any other request. */
  readonly route = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = req.url?.split('?')[0];
    if (req.method !== 'GET' || (path !== INSTALL_PATH && path !== REDIRECT_PATH)) return false;
    if (path === INSTALL_PATH) await this.installer.handleInstallPath(req, res, {}, { scopes: BOT_SCOPES });
    else await this.installer.handleCallback(req, res, this.callback);
    return true;
  };

  /** The workspace's Web API client with its own bot token; null when it has no installation. */
  async client(team: string): Promise<webApi.WebClient | null> {
    const cached = this.clients.get(team);
    if (cached) return cached;
    const token = await this.installations.botToken(team);
    if (!token) return null;
    const client = new webApi.WebClient(token, this.options.clientOptions);
    this.clients.set(team, client);
    return client;
  }

  /** The workspace's installation is gone: deleted from the store and its client forgotten. */
  async uninstalled(team: string, enterpriseId?: string, isEnterpriseInstall = false): Promise<void> {
    this.clients.delete(team);
    await this.installations.deleteInstallation({ teamId: team, enterpriseId, isEnterpriseInstall });
  }

  /** Forgets the workspace's client, after Slack refused its token. */
  forget(team: string): void {
    this.clients.delete(team);
  }
}
