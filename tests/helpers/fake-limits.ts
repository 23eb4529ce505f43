/** A limit as a platform counts it: `limit` requests per window, the window starting at the first request after the last. */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/** Fixed windows per key, as Discord's buckets work (remaining counts down, then resets `windowMs` after the first). */
export class FixedWindows {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(private readonly rule: WindowLimit) {}

  /** Counts a request at `now`; `ok` false when the window is spent (the request is refused and not counted). */
  take(key: string, now: number): { ok: boolean; remaining: number; resetAt: number } {
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.rule.windowMs) {
      window = { start: now, used: 0 };
      this.windows.set(key, window);
    }
    const resetAt = window.start + this.rule.windowMs;
    if (window.used >= this.rule.limit) return { ok: false, remaining: 0, resetAt };
    window.used++;
    return { ok: true, remaining: this.rule.limit - window.used, resetAt };
  }
}

/**
 * When the client sent a request, if a test stamped it (`x-test-sent-at`, performance.now() in the same process): the
 * fakes then count windows from when requests leave, so a busy test machine's delivery delays cannot crowd a window.
 */
export const SENT_AT = 'x-test-sent-at';
export const sentAt = (headers: Record<string, string | string[] | undefined>): number | undefined => {
  const value = Number(headers[SENT_AT]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

export interface LimitAnswer {
  status: number;
  body?: Record<string, unknown>;
  headers: Record<string, string>;
}

/**
 * Discord's rate limits for the fake: a global limit per bot (50 a second) and per-route buckets keyed by the route
 * and its top-level channel (message creation: 5 per 5 s), with the headers Discord sends. Interaction and webhook
 * routes are outside the global limit, as on Discord.
 */
export class DiscordLimits {
  /** Every refused request: its route and whether the global limit refused it. */
  readonly refused: { key: string; global: boolean }[] = [];
  /** When each admitted request arrived (ms on `now`), for checking the pace. */
  readonly admitted: number[] = [];
  private readonly global: FixedWindows;
  private readonly routes: FixedWindows;

  constructor(
    readonly options: { global?: WindowLimit; route?: WindowLimit; now?: () => number } = {},
    private readonly now = options.now ?? (() => performance.now()),
  ) {
    this.global = new FixedWindows(options.global ?? { limit: 50, windowMs: 1000 });
    this.routes = new FixedWindows(options.route ?? { limit: 5, windowMs: 5000 });
  }

  /** The bucket of a request: the method, the route with minor ids as `:id`, and the channel (a top-level resource). */
  static bucket(method: string, path: string): string {
    const channel = /^\/channels\/(\d+)/.exec(path)?.[1];
    const route = path.replace(/\d{15,}/g, ':id');
    return `${method} ${route}${channel ? `@${channel}` : ''}`;
  }

  /**
   * Counts a request made at `at` (default: now, as it arrives): a 429 answer when a limit is spent, otherwise the
   * headers for the normal answer.
   */
  check(method: string, path: string, at?: number): LimitAnswer {
    const now = at ?? this.now();
    const key = DiscordLimits.bucket(method, path);
    const exempt = /^\/(interactions|webhooks)\//.test(path);
    if (!exempt) {
      const global = this.global.take('bot', now);
      if (!global.ok) return this.refuse(key, true, global.resetAt - now);
    }
    const route = this.routes.take(key, now);
    const hash = Buffer.from(key.replace(/@\d+$/, '')).toString('hex').slice(0, 16);
    const headers = {
      'x-ratelimit-limit': String((this.options.route ?? { limit: 5 }).limit),
      'x-ratelimit-remaining': String(route.remaining),
      'x-ratelimit-reset': ((Date.now() + route.resetAt - now) / 1000).toFixed(3),
      'x-ratelimit-reset-after': ((route.resetAt - now) / 1000).toFixed(3),
      'x-ratelimit-bucket': hash,
    };
    if (!route.ok) return this.refuse(key, false, route.resetAt - now, headers);
    this.admitted.push(now);
    return { status: 200, headers };
  }

  private refuse(key: string, global: boolean, waitMs: number, routeHeaders: Record<string, string> = {}): LimitAnswer {
    this.refused.push({ key, global });
    const seconds = Math.max(0, waitMs) / 1000;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: Number(seconds.toFixed(3)), global },
      headers: {
        ...routeHeaders,
        'retry-after': String(Math.ceil(seconds)),
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    };
  }

  /** The most admitted requests that arrived within any `windowMs` (a sliding look over the arrivals). */
  busiest(windowMs: number): number {
    return busiest(this.admitted, windowMs);
  }
}

/**
 * Slack's limits on chat.postMessage for the fake: one message a second per channel and a workspace-wide limit (Slack
 * says "several hundred a minute"; 10 a second here unless set), answered with HTTP 429, `Retry-After` in whole seconds
 * and `{ ok: false, error: 'ratelimited' }`.
 */
export class SlackLimits {
  readonly refused: { channel: string; workspace: boolean }[] = [];
  readonly admitted: number[] = [];
  private readonly channels: FixedWindows;
  private readonly workspace: FixedWindows;

  constructor(
    options: { channel?: WindowLimit; workspace?: WindowLimit; now?: () => number } = {},
    private readonly now = options.now ?? (() => performance.now()),
  ) {
    this.channels = new FixedWindows(options.channel ?? { limit: 1, windowMs: 1000 });
    this.workspace = new FixedWindows(options.workspace ?? { limit: 10, windowMs: 1000 });
  }

  /** Counts a call: null when it may proceed, the 429 answer otherwise. Only chat.postMessage is limited here. */
  check(method: string, params: Record<string, unknown>, team = 'T1', at?: number): LimitAnswer | null {
    if (method !== 'chat.postMessage') return null;
    const now = at ?? this.now();
    const channel = String(params.channel ?? '');
    const workspace = this.workspace.take(team, now);
    const inChannel = workspace.ok ? this.channels.take(`${team}:${channel}`, now) : workspace;
    if (workspace.ok && inChannel.ok) {
      this.admitted.push(now);
      return null;
    }
    this.refused.push({ channel, workspace: !workspace.ok });
    const wait = Math.max(1, Math.ceil((inChannel.resetAt - now) / 1000));
    return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(wait) } };
  }

  /** The most admitted posts that arrived within any `windowMs`. */
  busiest(windowMs: number): number {
    return busiest(this.admitted, windowMs);
  }
}

/**
 * The sustained rate (requests per ms): `limit` over the time between request i and request i+limit, as each slot of
 * the limit is used again; the first and last windows (a burst, and whatever was left) count like the others. `mean`
 * counts every stall; `median` (for tests on a loaded machine) measures the pacing, not the pauses of the machine.
 */
export function sustainedRate(admitted: number[], limit: number, stat: 'mean' | 'median' = 'mean'): number {
  const cycles: number[] = [];
  for (let i = 0; i + limit < admitted.length; i++) cycles.push(admitted[i + limit]! - admitted[i]!);
  if (stat === 'mean') return limit / (cycles.reduce((a, b) => a + b, 0) / cycles.length);
  cycles.sort((a, b) => a - b);
  return limit / cycles[Math.floor(cycles.length / 2)]!;
}

/** The most of `admitted` (ascending times) within any `windowMs` (a sliding look over the arrivals). */
function busiest(admitted: number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < admitted.length; last++) {
    while (admitted[last]! - admitted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
