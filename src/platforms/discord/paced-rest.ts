import { createRequire } from 'node:module';
import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import type { Logger } from '../../core/log.ts';
import { Pacer } from '../../core/pacer.ts';
import type { RateSlots, SlotTicket } from '../../core/repository/rate-slots.ts';

/** The undici package discord.js's REST client requires, found from that package rather than the top of node_modules. */
const discordUndici = createRequire(createRequire(import.meta.url).resolve('@discordjs/rest'))('undici') as {
  Agent: new () => NonNullable<RESTOptions['agent']>;
};
/** Discord's global limit per bot: 50 requests a second, counted in fixed windows that start at the first request. */
export const DISCORD_GLOBAL = { limit: 50, windowMs: 1000 };
/** Routes outside the global limit, as on Discord: interaction answers and webhooks (followups). */
const EXEMPT = /\/(interactions|webhooks)\//;
/** How long a shared slot stays taken if its replica never gives it back: discord.js's 15 s request timeout, and a margin. */
const HOLD_MS = 20_000;
/**
 * discord.js REST's own global limit, set so high that it never waits on top of the pacer (whose requests already keep
 * to the limit); it still stops every request for the Retry-After of a global 429.
 */
export const REST_GLOBAL_PER_SECOND = 1_000_000;

export interface DiscordPace {
  /** The global limit (tests scale it down). */
  limit?: number;
  windowMs?: number;
  /** The replicas' shared slots (Postgres); absent with one process (PGlite). */
  shared?: RateSlots;
}

/**
 * Every REST request discord.js sends, paced as it leaves: a local pacer keeps this process under the global limit
 * whatever the delays, the shared slots keep the replicas together under it, and 429s (the safety net: discord.js
 * waits for their Retry-After and sends again) are counted and logged.
 */
export class PacedRequests {
  readonly pacer: Pacer;
  /** 429 answers received, for tests and the log. */
  refused = 0;
  private readonly slots?: SharedSlots;
  /**
   * A connection pool of the undici discord.js loads itself. Without one, its requests go through the process-wide
   * dispatcher, which another copy of undici may have installed first (Bolt's Socket Mode loads undici 7): that copy
   * does not recognise discord.js's multipart bodies, and every upload failed with "action is not a function".
   */
  private readonly agent = new discordUndici.Agent();

  constructor(
    private readonly logger: Logger,
    pace: DiscordPace = {},
  ) {
    const { limit, windowMs } = { ...DISCORD_GLOBAL, ...pace };
    // With shared slots, they hold each slot for the window (on the database's clock, after the answer); the local
    // pacer then only bounds what is in flight and puts interactions first, adding no wait of its own.
    this.pacer = pace.shared ? new Pacer({ limit, windowMs: 0, guardMs: 0 }) : new Pacer({ limit, windowMs });
    if (pace.shared) this.slots = new SharedSlots(pace.shared, `discord:global/${limit}`, limit, windowMs, logger);
  }

  /** The options for discord.js's REST client. */
  restOptions(): Partial<RESTOptions> {
    return { globalRequestsPerSecond: REST_GLOBAL_PER_SECOND, makeRequest: this.makeRequest, agent: this.agent };
  }

  private readonly makeRequest: RESTOptions['makeRequest'] = async (url, init) => {
    if (EXEMPT.test(new URL(url).pathname)) return DefaultRestOptions.makeRequest(url, init);
    await this.pacer.take();
    const ticket = await this.slots?.take();
    try {
      const res = await DefaultRestOptions.makeRequest(url, init);
      if (res.status === 429) this.rateLimited(init.method ?? 'GET', url, res.headers.get('x-ratelimit-global') !== null);
      return res;
    } finally {
      if (ticket) this.slots?.give(ticket);
      this.pacer.settle();
    }
  };

  private rateLimited(method: string, url: string, global: boolean): void {
    this.refused++;
    const route = new URL(url).pathname.replace(/\d{15,}/g, ':id');
    this.logger.warn(
      { platform: 'discord', route: `${method} ${route}`, global },
      'Discord answered 429; sending it again after Retry-After',
    );
  }
}

/**
 * This replica's side of the shared slots: one loop takes slots for the requests waiting here, in their order (so the
 * database sees one query per free slot, not one per waiting request); with the database out of reach, requests go on
 * under the local pacer alone.
 */
class SharedSlots {
  private readonly waiting: ((ticket: SlotTicket | null) => void)[] = [];
  private running = false;

  constructor(
    private readonly store: RateSlots,
    private readonly bucket: string,
    private readonly size: number,
    private readonly windowMs: number,
    private readonly logger: Logger,
  ) {}

  take(): Promise<SlotTicket | null> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.running) void this.loop();
    });
  }

  give(ticket: SlotTicket): void {
    this.store.giveSlot(this.bucket, ticket, this.windowMs).catch((error: unknown) => {
      this.logger.warn(
        { platform: 'discord', err: error },
        'a shared Discord rate slot could not be given back; it frees after its timeout',
      );
    });
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const { tickets, retryInMs } = await this.store.takeSlots(this.bucket, this.size, this.waiting.length, HOLD_MS);
        for (const ticket of tickets) this.waiting.shift()!(ticket);
        if (tickets.length === 0) await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(2, retryInMs))));
      }
    } catch (error) {
      this.logger.warn({ platform: 'discord', err: error }, 'the shared Discord rate could not be read; pacing this replica alone');
      for (const resolve of this.waiting.splice(0)) resolve(null);
    } finally {
      this.running = false;
    }
  }
}
