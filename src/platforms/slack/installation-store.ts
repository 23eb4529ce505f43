import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { InstallStore } from '../../core/repository/install-store.ts';
import type { SecretBox } from '../../secrets/secret-box.ts';

const PLATFORM = 'slack';

/** The row an installation or a query belongs to: the enterprise for an org-wide install, the team otherwise. */
export function workspaceOf(query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string | undefined {
  return query.isEnterpriseInstall && query.enterpriseId ? query.enterpriseId : query.teamId;
}

/** Thrown when a workspace has no installation (never installed, or uninstalled). */
export class NotInstalledError extends Error {
  constructor(readonly workspace: string) {
    super(`mlq is not installed in the Slack workspace ${workspace}`);
  }
}

/**
 * Bolt's installation store over the database: each installation is stored as JSON sealed with AES-256-GCM
 * (MLQ_SECRET_KEY), bound to its workspace, so no token is ever written in plain text.
 */
export class SealedInstallationStore implements InstallationStore {
  constructor(
    private readonly store: InstallStore,
    private readonly box: SecretBox,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Saves the installation; true when the workspace had none stored (a first install or a reinstall). */
  async save(installation: Installation): Promise<boolean> {
    const workspace = workspaceOf({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    if (!workspace) throw new Error('the installation names neither a team nor an enterprise');
    return this.store.saveInstall(
      {
        platform: PLATFORM,
        workspaceId: workspace,
        enterpriseId: installation.enterprise?.id ?? null,
        workspaceName: installation.team?.name ?? installation.enterprise?.name ?? '',
        keyId: this.box.keyId,
        sealed: this.box.seal(JSON.stringify(installation), `${PLATFORM}:${workspace}`),
      },
      this.now(),
    );
  }

  async storeInstallation(installation: Installation): Promise<void> {
    await this.save(installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const workspace = workspaceOf(query) ?? '';
    const record = await this.store.findInstall(PLATFORM, workspace);
    if (!record) throw new NotInstalledError(workspace);
    return JSON.parse(this.box.open(record.sealed, `${PLATFORM}:${workspace}`)) as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.store.deleteInstall(PLATFORM, workspaceOf(query) ?? '');
  }

  /** The workspace's bot token; null when it has no installation. */
  async botToken(team: string): Promise<string | null> {
    try {
      return (await this.fetchInstallation({ teamId: team, enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token ?? null;
    } catch (error) {
      if (error instanceof NotInstalledError) return null;
      throw error;
    }
  }

  /**
   * Seals again with the current key every installation sealed by another (the previous key, after a rotation);
   * the number re-sealed. Throws SecretBoxError when one was sealed by a key that is neither.
   */
  async reseal(batch = 100): Promise<number> {
    let done = 0;
    for (;;) {
      const records = await this.store.installsSealedWithout(PLATFORM, this.box.keyId, batch);
      let round = 0;
      for (const record of records) {
        const context = `${PLATFORM}:${record.workspaceId}`;
        const sealed = this.box.seal(this.box.open(record.sealed, context), context);
        if (await this.store.resealInstall(PLATFORM, record.workspaceId, record.sealed, this.box.keyId, sealed)) round++;
      }
      // A replica still running with the old key may write rows meanwhile; they are re-sealed at the next start.
      if (round === 0) return done;
      done += round;
    }
  }
}
