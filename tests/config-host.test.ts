import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listenFailureSentence, loadConfig } from '../src/config.ts';
import { freePort } from './helpers/process.ts';

const host = (value: string) => {
  const result = loadConfig({ HOST: value });
  return result.ok ? result.value.HOST : result.message;
};

/** The error a real listen gives on this machine. */
function listenError(port: number, address: string): Promise<NodeJS.ErrnoException> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', done);
    server.listen(port, address, () => server.close(() => fail(new Error(`listening on ${address}:${port} worked`))));
  });
}

describe('HOST is an IP address or a host name', () => {
  it('accepts addresses and names', () => {
    expect(['0.0.0.0', '127.0.0.1', '255.255.255.255', '::', '::1', 'localhost', 'mlq.example.com', 'my-host'].map(host)).toEqual([
      '0.0.0.0',
      '127.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'localhost',
      'mlq.example.com',
      'my-host',
    ]);
  });

  it('refuses the rest with the exact problem, naming HOST and not PORT', () => {
    expect(host('256.0.0.1')).toBe(
      'HOST is not an IPv4 address (four numbers from 0 to 255, separated by dots) (got "256.0.0.1"); for ' + 'example HOST=0.0.0.0.',
    );
    expect(host('0.0.0.0:3000')).toBe('HOST must not include a port (got "0.0.0.0:3000"); set PORT for that; for example HOST=0.0.0.0.');
    expect(host('http://localhost')).toBe(
      'HOST must be an address alone, without a scheme such as http:// (got "http://localhost"); for ' + 'example HOST=0.0.0.0.',
    );
    expect(host('[::1]')).toBe('HOST must be an IPv6 address without the brackets (got "[::1]"); for example HOST=0.0.0.0.');
    expect(host('my_host')).toBe('HOST must be an IP address or a host name to listen on (got "my_host"); for example HOST=0.0.0.0.');
    expect(host('-leading.example')).toBe(
      'HOST must be an IP address or a host name to listen on (got "-leading.example"); for example ' + 'HOST=0.0.0.0.',
    );
  });

  it('takes a name part of 63 characters and refuses one of 64', () => {
    expect(host(`${'a'.repeat(62)}.example`)).toBe(`${'a'.repeat(62)}.example`);
    expect(host(`${'a'.repeat(63)}.example`)).toBe(`${'a'.repeat(63)}.example`);
    expect(host(`${'a'.repeat(64)}.example`)).toBe(
      `HOST must be an IP address or a host name to listen on (got "${'a'.repeat(40)}…"); for example HOST=0.0.0.0.`,
    );
  });
});

describe('PORT is a whole number from 1 to 65535', () => {
  it('at, below and above each end', () => {
    const port = (value: string) => {
      const result = loadConfig({ PORT: value });
      return result.ok ? result.value.PORT : result.message;
    };
    expect(['1', '2', '65534', '65535'].map(port)).toEqual([1, 2, 65534, 65535]);
    for (const wrong of ['0', '65536', '3000abc', '30.5', '1e3']) {
      expect(port(wrong)).toBe(`PORT must be a port number from 1 to 65535 (got "${wrong}"); for example PORT=3000.`);
    }
  });
});

describe('a listen that fails names the setting at fault', () => {
  it('PORT when the port is taken, HOST when the address is not this machine’s or does not resolve', async () => {
    const port = await freePort();
    const holder: Server = await new Promise((done) => {
      const server = createServer().listen(port, '127.0.0.1', () => done(server));
    });
    try {
      const taken = await listenError(port, '127.0.0.1');
      expect(listenFailureSentence(taken, { port, host: '127.0.0.1', portSet: true })).toBe(
        `PORT (${port}) is already in use on 127.0.0.1; stop what uses it or choose another port, for example PORT=3000.`,
      );
      expect(listenFailureSentence(taken, { port: 3000, host: '127.0.0.1', portSet: false })).toBe(
        'the default port 3000 (PORT is not set) is already in use on 127.0.0.1; stop what uses it or choose another port, for example ' +
          'PORT=3001.',
      );
      expect(listenFailureSentence(taken, { port, host: '127.0.0.1', portSet: true, fromFile: new Set(['PORT']) })).toBe(
        `PORT in .env (${port}) is already in use on 127.0.0.1; stop what uses it or choose another port, for example PORT=3000.`,
      );
    } finally {
      holder.close();
    }
    const foreign = await listenError(port, '192.0.2.1');
    expect(listenFailureSentence(foreign, { port, host: '192.0.2.1', portSet: true })).toBe(
      'HOST (192.0.2.1) is not an address of this machine; use one it has, for example HOST=127.0.0.1, or HOST=0.0.0.0 for all of them.',
    );
    const unknown = await listenError(port, 'no-such-host.invalid');
    expect(listenFailureSentence(unknown, { port, host: 'no-such-host.invalid', portSet: true, fromFile: new Set(['HOST']) })).toBe(
      `HOST in .env (no-such-host.invalid) does not resolve to an address (${unknown.code}); use an IP address, for example ` +
        `HOST=127.0.0.1.`,
    );
    expect(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']).toContain(unknown.code);
  });
});
