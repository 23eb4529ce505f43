import { Client, type ClientOptions } from 'discord.js';

/** Thrown when the gateway refuses the Message Content intent (close code 4014). */
export class MessageContentRefusedError extends Error {
  constructor() {
    super(
      'Discord refused the Message Content intent: enable "Message Content Intent" under Bot → Privileged Gateway Intents in the Developer Portal, or set DISCORD_MESSAGE_CONTENT=false to take answers only through the Answer button.',
    );
  }
}

/** Logs `client` in and waits for its shards to be ready, refusing clearly when the gateway closes with code 4014. */
export async function loginGateway(client: Client, token: string): Promise<void> {
  const refused = new Promise<never>((_, reject) => {
    client.once('shardDisconnect', (event) => {
      if (event.code === 4014) reject(new MessageContentRefusedError());
    });
  });
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  try {
    await Promise.race([client.login(token).then(() => ready), refused]);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    if (error instanceof MessageContentRefusedError || /disallowed intents/i.test(String((error as Error).message)))
      throw new MessageContentRefusedError();
    throw error;
  }
}

/**
 * The gateway connections of the shards this replica leases: one discord.js client per shard (so a shard is taken
 * or given back without touching the others), each with the platform's options and listeners.
 */
export class ShardGateways {
  private readonly clients = new Map<number, Client>();

  constructor(
    private readonly base: ClientOptions,
    private readonly token: string,
    private readonly count: number,
    /** Registers the platform's listeners on a new shard client. */
    private readonly listen: (client: Client) => void,
  ) {}

  async open(id: number): Promise<void> {
    const client = new Client({ ...this.base, shards: [id], shardCount: this.count });
    this.listen(client);
    await loginGateway(client, this.token);
    this.clients.set(id, client);
  }

  /** Closes the shard's gateway connection; replies to interactions it already delivered still go out through its REST client. */
  async close(id: number): Promise<void> {
    const client = this.clients.get(id);
    this.clients.delete(id);
    if (!client) return;
    await client.destroy();
    client.rest.setToken(this.token);
  }
}
