import { describe, expect, it } from 'vitest';
import { clip } from '../../src/core/clip.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { stopwatch } from '../../src/core/deps.ts';
import { isListedAdmin, isOrganiser } from '../../src/core/organisers.ts';
import { Ports } from '../../src/core/port.ts';
import type { Channel } from '../../src/core/types.ts';
import { RecordingPort } from '../helpers/recording-port.ts';

describe('clip', () => {
  it('keeps text at the limit whole and cuts text above it to the limit, ellipsis included', () => {
    expect(clip('abcde', 6)).toBe('abcde');
    expect(clip('abcdef', 6)).toBe('abcdef');
    expect(clip('abcdefg', 6)).toBe('abcde…');
  });
});

describe('stopwatch', () => {
  it('measures from the monotonic source when there is one, else from the clock', () => {
    const clock = new ManualClock(new Date('2026-11-30T09:00:00Z'));
    let mono = 1000;
    const fromMono = stopwatch({ clock, monotonic: () => mono });
    const fromClock = stopwatch({ clock });
    mono = 1250;
    clock.advance(40);
    expect(fromMono.elapsed()).toBe(250);
    expect(fromClock.elapsed()).toBe(40);
  });
});

describe('organisers', () => {
  it('matches an MLQ_ADMINS entry by the full id or by the platform user id after the last prefix', () => {
    expect(isListedAdmin(['slack:T1:U1'], 'slack:T1:U1')).toBe(true);
    expect(isListedAdmin(['U1'], 'slack:T1:U1')).toBe(true);
    expect(isListedAdmin(['U1'], 'slack:T1:XU1')).toBe(false);
    expect(isListedAdmin(['U1'], 'U1x')).toBe(false);
    expect(isListedAdmin([], 'slack:T1:U1')).toBe(false);
  });

  it('counts listed admins, the channel organisers and the platform admins, and nobody else', async () => {
    const port = new RecordingPort();
    port.admins.add('test:W:platform-admin');
    const ports = new Ports();
    ports.register(port);
    const channel = { organiserIds: ['test:W:subscriber'] } as Channel;
    const deps = { admins: ['listed'], ports };
    expect(await isOrganiser(deps, 'test:C', channel, 'test:W:listed')).toBe(true);
    expect(await isOrganiser(deps, 'test:C', channel, 'test:W:subscriber')).toBe(true);
    expect(await isOrganiser(deps, 'test:C', null, 'test:W:subscriber')).toBe(false);
    expect(await isOrganiser(deps, 'test:C', channel, 'test:W:platform-admin')).toBe(true);
    expect(await isOrganiser(deps, 'test:C', channel, 'test:W:member')).toBe(false);
  });
});
