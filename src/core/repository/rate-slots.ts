/** A slot taken from a shared limit: which one, and which taking of it (so a late give-back cannot free a later one). */
export interface SlotTicket {
  slot: number;
  taken: number;
}

/**
 * A rate limit shared by the replicas as `size` slots in the database (Discord's global limit per bot): a request
 * takes a slot before it leaves and gives it back when its answer came back, the slot then staying taken for the
 * window, on the database's one clock. No window can then hold more than `size` requests of all the replicas together.
 */
export interface RateSlots {
  /**
   * Takes up to `n` of the free slots of `bucket`, each held for `holdMs` unless given back sooner (a replica that dies
   * holding one loses it after that); when none is free, `retryInMs` says when the first comes free.
   */
  takeSlots(bucket: string, size: number, n: number, holdMs: number): Promise<{ tickets: SlotTicket[]; retryInMs: number }>;
  /** Gives a slot back: it comes free `windowMs` from now. */
  giveSlot(bucket: string, ticket: SlotTicket, windowMs: number): Promise<void>;
}
