import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * fetch for URLs that tenants influence (provider base URLs, media links, pagination links).
 * In production ("public-only") it refuses loopback, private, link-local and other internal
 * addresses — including after redirects, which it follows itself — so a workspace admin cannot
 * make the server read internal services. Development and tests point providers at local fakes
 * ("any").
 */
export type ProviderUrlPolicy = 'public-only' | 'any';

export class BlockedUrlError extends Error {}

const privateV4 = (ip: string) => {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
};

export const isInternalAddress = (ip: string): boolean => {
  if (isIP(ip) === 4) return privateV4(ip);
  const v6 = ip.toLowerCase();
  if (v6.startsWith('::ffff:')) return privateV4(v6.slice(7));
  return v6 === '::' || v6 === '::1' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe8') || v6.startsWith('fe9') || v6.startsWith('fea') || v6.startsWith('feb') || v6.startsWith('ff');
};

const assertAllowed = async (url: URL, policy: ProviderUrlPolicy) => {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BlockedUrlError(`Refused ${url.protocol} URL`);
  if (policy === 'any') return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.length === 0 || addresses.some(isInternalAddress)) throw new BlockedUrlError(`Refused an internal address for ${url.hostname}`);
};

const MAX_REDIRECTS = 3;

export const providerFetch = async (input: string, init: RequestInit, policy: ProviderUrlPolicy): Promise<Response> => {
  let url = new URL(input);
  for (let hop = 0; ; hop++) {
    await assertAllowed(url, policy);
    const res = await fetch(url, { ...init, redirect: 'manual' });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return res;
    if (hop >= MAX_REDIRECTS) throw new BlockedUrlError('Too many redirects');
    await res.body?.cancel();
    url = new URL(location, url);
  }
};
