import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientIp, isOriginAllowed } from './request-info.ts';

const req = (headers: Record<string, string>, remoteAddress = '10.0.0.9') =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('isOriginAllowed', () => {
  const allowed = ['https://app.example.com'];
  it.each([
    ['no Origin (not a browser page)', {}, true],
    ['same host as the request', { origin: 'http://localhost:3000', host: 'localhost:3000' }, true],
    ['a configured origin', { origin: 'https://app.example.com', host: 'internal:3000' }, true],
    ['a foreign origin', { origin: 'https://evil.example', host: 'localhost:3000' }, false],
    ['same host name, other port', { origin: 'http://localhost:4000', host: 'localhost:3000' }, false],
    ['a configured origin with another scheme', { origin: 'http://app.example.com', host: 'internal:3000' }, false],
    ['the literal "null" origin of sandboxed frames', { origin: 'null', host: 'localhost:3000' }, false],
  ])('%s -> %s', (_label, headers, expected) => {
    expect(isOriginAllowed(req(headers as Record<string, string>), allowed)).toBe(expected);
  });
});

describe('clientIp', () => {
  it('uses the socket address unless the proxy is trusted', () => {
    expect(clientIp(req({ 'x-forwarded-for': '1.2.3.4' }), false)).toBe('10.0.0.9');
  });
  it('takes the hop the trusted proxy appended, not what the client claimed', () => {
    expect(clientIp(req({ 'x-forwarded-for': '6.6.6.6, 1.2.3.4' }), true)).toBe('1.2.3.4');
  });
  it('falls back to the socket when a trusted proxy sent no header', () => {
    expect(clientIp(req({}), true)).toBe('10.0.0.9');
  });
});
