import { join, resolve } from 'node:path';
import { loadBank } from '../../src/bank/load.ts';
import { ParseCache } from '../../src/bank/parse-cache.ts';
import { cacheDir } from '../../src/cache-dir.ts';
import { Mlq } from '../../src/core/app.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { CoreDeps } from '../../src/core/deps.ts';
import { silentLogger } from '../../src/core/log.ts';
import { Ports } from '../../src/core/port.ts';
import type { ChannelSettings, Member } from '../../src/core/types.ts';
import { createRepository, type StoreRepository } from '../../src/store/repository.ts';
import { BASE_SETTINGS } from './channel-settings.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { RecordingPort } from './recording-port.ts';

export interface Harness {
  mlq: Mlq;
  deps: CoreDeps;
  repo: StoreRepository;
  clock: ManualClock;
  port: RecordingPort;
  database: TestDatabase;
  close(): Promise<void>;
}

const bank = loadBank(resolve('questions'), ParseCache.open(join(cacheDir(), 'bank-parse.json')));

const entries = bank.questions.map((q) => ({ question: q.question, hash: q.hash }));

/** The settings a new channel gets in the harness. */
export const DEFAULTS: ChannelSettings = BASE_SETTINGS;

/** The real core on a real database with the real bank, a fixed clock and a recording platform. */
export async function createHarness(start = new Date('2026-11-23T08:00:00Z'), seed = 7): Promise<Harness> {
  const database = await createTestDatabase({ keep: ['questions'] });
  const repo = createRepository(database.store.db);
  await repo.syncQuestions(entries, start);
  const clock = new ManualClock(start);
  const port = new RecordingPort();
  const ports = new Ports();
  ports.register(port);
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const deps: CoreDeps = { repo, ports, clock, logger: silentLogger, admins: ['test:admin'], defaults: DEFAULTS, random };
  return { mlq: new Mlq(deps), deps, repo, clock, port, database, close: () => database.drop() };
}

export const member = (name: string): Member => ({ id: `test:${name}`, name });

let messageCounter = 0;

/** A thread reply event on the channel's latest round. */
export async function reply(h: Harness, channelId: string, who: Member, text: string, messageId = `test:reply:${++messageCounter}`) {
  const round = await h.mlq.currentRound(channelId);
  if (!round?.threadId) throw new Error('no open thread');
  const outcome = await h.mlq.threadMessage({ channelId, communityId: 'test', threadId: round.threadId, messageId, author: who, text });
  return { outcome, messageId };
}

export async function command(h: Harness, channelId: string, who: Member, text: string) {
  return h.mlq.command({ channelId, communityId: 'test', actor: who, text });
}

export function cardText(card: {
  title?: string;
  blocks: { type: string; markdown?: string; items?: string[]; title?: string }[];
  fallback: string;
}): string {
  const parts = card.blocks.map((b) => b.markdown ?? [b.title, ...(b.items ?? [])].filter(Boolean).join('\n'));
  return [card.title, ...parts, card.fallback].join('\n').replace(/\*\*/g, '');
}
