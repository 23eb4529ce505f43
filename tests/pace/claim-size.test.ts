import { describe, expect, it } from 'vitest';
import { claimSize } from '../../src/core/scheduler-pass.ts';

const LEASE = 120_000;

describe('how many due channels a pass claims next, from the pace of its last batch', () => {
  it('claims what posts in half the lease: 1 post a second claims 60', () => {
    expect(claimSize(64, 64_000, LEASE, 16, 500)).toBe(60);
  });

  it('never more than the batch: at 25 posts a second (Discord alone) half a lease would be 1,500', () => {
    expect(claimSize(64, 2_560, LEASE, 16, 500)).toBe(500);
    expect(claimSize(500, 120_000, LEASE, 16, 500)).toBe(250);
  });

  it('never fewer than the fan-out’s concurrency, however slow the last batch was', () => {
    expect(claimSize(16, 160_000, LEASE, 16, 500)).toBe(16);
    expect(claimSize(16, 60_000, LEASE, 16, 500)).toBe(16);
    expect(claimSize(17, 60_000, LEASE, 16, 500)).toBe(17);
  });
});
