import { describe, expect, it } from 'vitest';
import { card, text } from '../../src/core/message.ts';
import { type Metrics, noMetrics } from '../../src/core/metrics.ts';
import { type ChatPort, Ports } from '../../src/core/port.ts';

const hello = card(undefined, [text('hello')]);

/** A port with every optional method, each recording its arguments and answering, or failing with `error`. */
function fullPort(error?: Error): { port: ChatPort; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const answer = <T>(value: T, ...args: unknown[]): Promise<T> => {
    calls.push(args);
    return error ? Promise.reject(error) : Promise.resolve(value);
  };
  const port: ChatPort = {
    platform: 'full',
    post: () => answer({ messageId: 'full:m1', threadId: 'full:t1' }),
    reply: () => answer({ messageId: 'full:m2' }),
    update: () => answer(undefined),
    react: () => answer(undefined),
    sendPrivate: () => answer(undefined),
    isAdmin: () => answer(true),
    setChampionRole(channelId, roleId, add, remove) {
      return answer('done' as const, 'role', this.platform, channelId, roleId, add, remove);
    },
    openConversation(memberId, channelId, how, greeting) {
      return answer(
        { ok: true as const, conversationId: 'full:c1', direct: how === 'direct', buttons: true },
        'conversation',
        this.platform,
        memberId,
        channelId,
        how,
        greeting.fallback,
      );
    },
    openSpace(channelId, memberIds, title) {
      return answer('full:s1', 'space', this.platform, channelId, memberIds, title);
    },
    link(messageId) {
      return answer(`https://full/${messageId}`, 'link', this.platform, messageId);
    },
  };
  return { port, calls };
}

describe('the ports: optional methods', () => {
  it('pass each call and its arguments on, with the port as `this`, and return its answer', async () => {
    const { port, calls } = fullPort();
    const ports = new Ports();
    ports.register(port);
    const p = ports.for('full:C1');
    expect(await p.setChampionRole?.('full:C1', 'R1', ['U1'], ['U2'])).toBe('done');
    expect(await p.openConversation?.('full:U1', 'full:C1', 'direct', hello)).toEqual({
      ok: true,
      conversationId: 'full:c1',
      direct: true,
      buttons: true,
    });
    expect(await p.openSpace?.('full:C1', ['full:U1', 'full:U2'], 'Pair')).toBe('full:s1');
    expect(await p.link?.('full:m1')).toBe('https://full/full:m1');
    expect(calls).toEqual([
      ['role', 'full', 'full:C1', 'R1', ['U1'], ['U2']],
      ['conversation', 'full', 'full:U1', 'full:C1', 'direct', 'hello'],
      ['space', 'full', 'full:C1', ['full:U1', 'full:U2'], 'Pair'],
      ['link', 'full', 'full:m1'],
    ]);
  });

  it('count a failure of each under the platform and its code', async () => {
    const errors: string[] = [];
    const metrics: Metrics = { ...noMetrics, platformError: (platform, code) => errors.push(`${platform}/${code}`) };
    const boom = Object.assign(new Error('boom'), { code: 'E_BOOM' });
    const ports = new Ports(metrics);
    ports.register(fullPort(boom).port);
    const p = ports.for('full:C1');
    await expect(p.setChampionRole?.('full:C1', 'R1', [], [])).rejects.toBe(boom);
    await expect(p.openConversation?.('full:U1', 'full:C1', 'thread', hello)).rejects.toBe(boom);
    await expect(p.openSpace?.('full:C1', [], 'Pair')).rejects.toBe(boom);
    await expect(p.link?.('full:m1')).rejects.toBe(boom);
    expect(errors).toEqual(Array(4).fill('full/E_BOOM'));
  });

  it('leave out those a platform lacks', () => {
    const { port } = fullPort();
    const bare: ChatPort = {
      ...port,
      platform: 'bare',
      setChampionRole: undefined,
      openConversation: undefined,
      openSpace: undefined,
      link: undefined,
    };
    const ports = new Ports();
    ports.register(bare);
    const p = ports.for('bare:C1');
    expect(p.setChampionRole).toBeUndefined();
    expect(p.openConversation).toBeUndefined();
    expect(p.openSpace).toBeUndefined();
    expect(p.link).toBeUndefined();
  });
});
