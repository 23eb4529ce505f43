import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresUrl, TEST_DB } from './database.ts';
import { type ServiceProcess, startServing } from './process.ts';

/** The built service on a free port with a data folder of its own, and on Postgres a database of its own. */
export interface TestService {
  service: ServiceProcess;
  port: number;
  /** Its own Postgres database, absent on PGlite. */
  databaseUrl?: string;
  /** Stops the service and drops its database. */
  close(): Promise<void>;
}

/** Starts the service with `env` (plus PORT, MLQ_DATA_DIR and, on Postgres, DATABASE_URL) and waits for /healthz. */
export async function startTestService(name: string, env: Record<string, string>): Promise<TestService> {
  const database = TEST_DB === 'postgres' ? await createPostgresUrl() : undefined;
  const { service, port } = await startServing({
    MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), `mlq-${name}-`)),
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  return {
    service,
    port,
    databaseUrl: database?.url,
    async close() {
      await service.stop();
      await database?.drop();
    },
  };
}
