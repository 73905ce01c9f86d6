import type { IncomingMessage } from 'node:http';

/**
 * The client's address. Behind a trusted proxy it is the last hop the proxy appended to
 * X-Forwarded-For (earlier entries are whatever the client claimed).
 */
export const clientIp = (req: IncomingMessage, trustProxy: boolean): string => {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
};

export const requestOrigin = (req: IncomingMessage): string => {
  const encrypted = 'encrypted' in req.socket && Boolean(req.socket.encrypted);
  return `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
};

/**
 * Cross-site protection for mutations and WebSocket upgrades: the browser-sent Origin must be
 * the server's own (as the request's Host names it), PUBLIC_URL's, or an allowed one. A request
 * without Origin is not from a browser page and cannot ride a victim's cookie.
 */
export const isOriginAllowed = (req: IncomingMessage, allowed: readonly string[]): boolean => {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (!URL.canParse(origin)) return false;
  const parsed = new URL(origin);
  if (parsed.host === req.headers.host) return true;
  return allowed.includes(parsed.origin);
};
