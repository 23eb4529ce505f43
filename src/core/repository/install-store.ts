/** A chat app's installation in one workspace, as stored: the installation itself sealed (encrypted) by the platform. */
export interface InstallRecord {
  platform: string;
  /** The platform's workspace id (a Slack team id, or an enterprise id for an org-wide install). */
  workspaceId: string;
  enterpriseId: string | null;
  workspaceName: string;
  /** Which key sealed it, so a rotated key can be told from the current one. */
  keyId: string;
  sealed: string;
}

/**
 * Installations of an app distributed to many workspaces, and the OAuth state parameters already used. Only the
 * platform that seals them reads them; the core never sees a token.
 */
export interface InstallStore {
  /** Creates or replaces the workspace's installation; true when it is new (none was stored). */
  saveInstall(record: InstallRecord, now: Date): Promise<boolean>;
  findInstall(platform: string, workspaceId: string): Promise<InstallRecord | null>;
  /** Deletes the workspace's installation; true when there was one. */
  deleteInstall(platform: string, workspaceId: string): Promise<boolean>;
  /** Installations sealed by any key but `keyId`, at most `limit`, for re-sealing after a key rotation. */
  installsSealedWithout(platform: string, keyId: string, limit: number): Promise<InstallRecord[]>;
  /** Replaces the sealed installation if it is still `fromSealed` (not changed meanwhile); true when replaced. */
  resealInstall(platform: string, workspaceId: string, fromSealed: string, keyId: string, sealed: string): Promise<boolean>;
  /** Records a state parameter as used; false when it was used before (a replayed OAuth callback). */
  useOAuthState(stateHash: string, now: Date): Promise<boolean>;
}
