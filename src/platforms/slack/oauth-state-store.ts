import { createHash } from 'node:crypto';
import slackOAuth, { type InstallURLOptions, InvalidStateError, type StateStore } from '@slack/oauth';
import type { InstallStore } from '../../core/repository/install-store.ts';

/** Node's ESM loader does not see ClearStateStore among the CommonJS package's named exports, so it comes from the default. */
const { ClearStateStore } = slackOAuth;

/** How long an install link stays valid, as Bolt's default. */
const STATE_SECONDS = 600;

/**
 * Bolt's signed state parameter (SLACK_STATE_SECRET, ten minutes), used once: the first callback with a state records
 * it in the database, shared by every replica, so a replayed callback is refused even within the ten minutes.
 */
export class OnceStateStore implements StateStore {
  private readonly signed: InstanceType<typeof ClearStateStore>;

  constructor(
    stateSecret: string,
    private readonly store: InstallStore,
  ) {
    this.signed = new ClearStateStore(stateSecret, STATE_SECONDS);
  }

  generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    return this.signed.generateStateParam(installOptions, now);
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const options = await this.signed.verifyStateParam(now, state);
    const hash = createHash('sha256').update(state).digest('hex');
    if (!(await this.store.useOAuthState(hash, now))) throw new InvalidStateError('The state parameter was used already');
    return options;
  }
}
