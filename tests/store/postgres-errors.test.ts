import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, StoreError } from '../../src/store/connect.ts';
import { classifyPostgresError, maskUrl } from '../../src/store/postgres-errors.ts';
import { TEST_DB } from '../helpers/database.ts';
import { freePort } from '../helpers/process.ts';

/** What connect() throws for `url`: the identifier and the sentence. */
async function refusal(url: string, connectTimeoutMs?: number): Promise<{ identifier: string; message: string }> {
  const error = await connect({ databaseUrl: url, connectTimeoutMs }).then(
    async (store) => {
      await store.close();
      throw new Error(`${url} was opened`);
    },
    (e: unknown) => e,
  );
  if (!(error instanceof StoreError)) throw error;
  return { identifier: error.identifier, message: error.message };
}

describe('a Postgres that cannot be used is named with its reason and the password masked', () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    for (const server of servers) server.close();
  });

  it('says "cannot be reached" when nothing listens on the port', async () => {
    const port = await freePort();
    expect(await refusal(`postgres://mlq:s3cret-pw@127.0.0.1:${port}/mlq`)).toEqual({
      identifier: 'unreachable',
      message: `the Postgres server at DATABASE_URL (postgres://mlq:***@127.0.0.1:${port}/mlq) cannot be reached (ECONNREFUSED); check the host and port, and that the server is running.`,
    });
  });

  it('says "cannot be reached" when something accepts the connection and never answers', async () => {
    const server = createServer((socket) => void sockets.push(socket));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    expect(await refusal(`postgres://mlq:s3cret-pw@127.0.0.1:${port}/mlq`, 300)).toEqual({
      identifier: 'unreachable',
      message: `the Postgres server at DATABASE_URL (postgres://mlq:***@127.0.0.1:${port}/mlq) cannot be reached (no answer in time); check the host and port, and that the server is running.`,
    });
  });

  it.skipIf(TEST_DB !== 'postgres')("gives the server's reason for a database that does not exist", async () => {
    const name = `mlq_missing_${Date.now().toString(36)}`;
    expect(await refusal(`postgres://postgres:s3cret-pw@127.0.0.1:5432/${name}`)).toEqual({
      identifier: 'refused',
      message: `the Postgres server at DATABASE_URL (postgres://postgres:***@127.0.0.1:5432/${name}) refused the connection: database "${name}" does not exist (3D000); create that database or fix its name in DATABASE_URL.`,
    });
  });

  it.skipIf(TEST_DB !== 'postgres')("gives the server's reason for a user that does not exist", async () => {
    const user = `mlq_nobody_${Date.now().toString(36)}`;
    expect(await refusal(`postgres://${user}:s3cret-pw@127.0.0.1:5432/postgres`)).toEqual({
      identifier: 'refused',
      message: `the Postgres server at DATABASE_URL (postgres://${user}:***@127.0.0.1:5432/postgres) refused the connection: role "${user}" does not exist (28000); check the user name in DATABASE_URL, or let the server accept it (pg_hba.conf).`,
    });
  });

  it('masks the password in the URL and in its parameters, and in a reason that repeats it', () => {
    expect(maskUrl('postgres://mlq:hunter22@db:5432/mlq?sslpassword=abc&application_name=x')).toBe(
      'postgres://mlq:***@db:5432/mlq?sslpassword=***&application_name=x',
    );
    expect(maskUrl('postgres://db/mlq?password=hunter22')).toBe('postgres://db/mlq?password=***');
    expect(maskUrl('not a url')).toBe('the configured URL');
    const failure = Object.assign(new Error('password authentication failed for user "mlq" (tried hunter22)'), { code: '28P01' });
    expect(classifyPostgresError('postgres://mlq:hunter22@db:5432/mlq', failure)).toEqual({
      ok: false,
      error: 'refused',
      message:
        'the Postgres server at DATABASE_URL (postgres://mlq:***@db:5432/mlq) refused the connection: password authentication failed for user "mlq" (tried ***) (28P01); check the user name and password in DATABASE_URL.',
    });
  });
});
