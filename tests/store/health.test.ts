import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src/http-server.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase | null = null;
afterEach(async () => {
  await database?.drop().catch(() => undefined);
});

describe('/healthz', () => {
  it('is 200 while the database answers and 503 once it does not', async () => {
    database = await createTestDatabase();
    const store = database.store;
    let open = true;
    const http = await startHttpServer({ port: 0, host: '127.0.0.1', healthy: async () => open && store.ping() });
    try {
      const up = await fetch(`http://127.0.0.1:${http.port}/healthz`);
      expect([up.status, await up.json()]).toEqual([200, { status: 'ok', database: 'reachable' }]);
      open = false;
      const down = await fetch(`http://127.0.0.1:${http.port}/healthz`);
      expect(down.status).toBe(503);
      expect((await fetch(`http://127.0.0.1:${http.port}/nope`)).status).toBe(404);
    } finally {
      await http.close();
    }
  });
});
