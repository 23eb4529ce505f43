import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/store/connect.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated database this run's Postgres test databases are copied from. */
    pgTemplate: string;
    /** The name prefix of every database this run creates (its teardown drops them all). */
    pgPrefix: string;
  }
}

/** The maintenance database the suite connects to for creating and dropping its own. */
export const ADMIN_URL = process.env.MLQ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs `run` on a short-lived connection to the maintenance database. */
export async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Drops databases, a few at a time: a drop waits for a checkpoint, and concurrent drops share one. */
async function dropAll(names: string[]): Promise<void> {
  const queue = [...names];
  const worker = () =>
    admin(async (c) => {
      for (let name = queue.shift(); name; name = queue.shift()) await c.query(`drop database if exists "${name}" with (force)`);
    });
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
}

const listed = (c: pg.Client, pattern: string) =>
  c
    .query<{ datname: string }>('select datname from pg_database where datname like $1', [pattern])
    .then((r) => r.rows.map((x) => x.datname));

/**
 * On the Postgres suite: migrates one template database for the run, so that each test database is a 60 ms copy
 * instead of a 600 ms migration, and drops every database of the run at its end in one pass (a drop costs a
 * checkpoint, about 0.7 s, which concurrent drops share). Databases left by runs whose process has died are dropped
 * too; only names this helper makes (mlq_t<pid>_…) are touched.
 */
export default async function setup(project: TestProject) {
  if (process.env.MLQ_TEST_DB !== 'postgres') return;
  const prefix = `mlq_t${process.pid}_${randomBytes(3).toString('hex')}_`;
  const stale = await admin(async (c) => (await listed(c, 'mlq\\_t%\\_%')).filter((n) => /^mlq_t\d+_/.test(n)));
  await dropAll(stale.filter((n) => !alive(Number(/^mlq_t(\d+)_/.exec(n)?.[1]))));
  const template = `${prefix}template`;
  await admin((c) => c.query(`create database "${template}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${template}`;
  const store = await connect({ databaseUrl: url.toString(), poolSize: 1 });
  await migrateToLatest(store.db);
  await store.close();
  project.provide('pgTemplate', template);
  project.provide('pgPrefix', prefix);
  return async () => {
    const names = await admin((c) => listed(c, `${prefix.replace(/_/g, '\\_')}%`));
    await dropAll(names.filter((n) => n !== template));
    await dropAll([template]);
  };
}
