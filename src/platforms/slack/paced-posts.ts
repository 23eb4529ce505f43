import { Pacer } from '../../core/pacer.ts';

/**
 * Slack's limits on chat.postMessage: about one message a second per channel (bursts allowed), and "several hundred
 * a minute" per workspace; mlq keeps to one a second per channel and 10 a second (600 a minute) per workspace.
 */
export const SLACK_CHANNEL = { limit: 1, windowMs: 1000 };
export const SLACK_WORKSPACE = { limit: 10, windowMs: 1000 };
/** Idle pacers are dropped once there are more than this many (a channel's pacer is made again on its next post). */
const KEEP = 1000;

export interface SlackPace {
  channel?: { limit: number; windowMs: number };
  workspace?: { limit: number; windowMs: number };
}

/**
 * Paces posts per workspace and per channel, each a sliding window on completions (see Pacer): a post takes its
 * channel's slot, then its workspace's. @slack/web-api's own retry of a 429 after Retry-After stays the safety net.
 */
export class PacedPosts {
  private readonly channels = new Map<string, Pacer>();
  private readonly workspaces = new Map<string, Pacer>();

  constructor(private readonly pace: SlackPace = {}) {}

  /** Runs one chat.postMessage to `channel` of workspace `team` once both limits allow it. */
  async run<T>(team: string, channel: string, post: () => Promise<T>): Promise<T> {
    const inChannel = this.pacer(this.channels, `${team}:${channel}`, this.pace.channel ?? SLACK_CHANNEL);
    const inWorkspace = this.pacer(this.workspaces, team, this.pace.workspace ?? SLACK_WORKSPACE);
    await inChannel.take();
    try {
      return await inWorkspace.run(post);
    } finally {
      inChannel.settle();
    }
  }

  private pacer(pacers: Map<string, Pacer>, key: string, limit: { limit: number; windowMs: number }): Pacer {
    let pacer = pacers.get(key);
    if (!pacer) {
      if (pacers.size >= KEEP) for (const [other, old] of pacers) if (old.idle()) pacers.delete(other);
      pacer = new Pacer(limit);
      pacers.set(key, pacer);
    }
    return pacer;
  }
}
