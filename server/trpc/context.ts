import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Deps } from '../deps.ts';
import { RequestLog } from './request-log.ts';
import { clientIp, requestOrigin } from '../http/request-info.ts';

export type Context = {
  deps: Deps;
  log: RequestLog;
  requestId: string;
  ip: string;
  /** Base URL for links we hand out (invites): PUBLIC_URL, else the origin the request came to. */
  appUrl: string;
  sessionToken: string | null;
  transport: 'http' | 'ws';
  /** The connection a WebSocket call came on (null over HTTP). */
  socket: WebSocket | null;
  /** Filled in by the session middleware, so the request's log line can name tenant and user. */
  actor: { tenantId?: string; userId?: string };
  setCookie: (cookie: string) => void;
  setHeader: (name: string, value: string) => void;
};

export const createContextFactory =
  (deps: Deps) =>
  ({ req, res }: { req: IncomingMessage; res: ServerResponse | WebSocket }): Context => {
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    const isHttp = 'setHeader' in res;
    return {
      deps,
      requestId,
      log: new RequestLog(deps.log, requestId),
      ip: clientIp(req, deps.config.trustProxy),
      appUrl: deps.config.publicUrl ?? requestOrigin(req),
      sessionToken: deps.lucia.readSessionCookie(req.headers.cookie ?? ''),
      transport: isHttp ? 'http' : 'ws',
      socket: isHttp ? null : res,
      actor: {},
      setCookie: (cookie) => {
        if (isHttp && !res.headersSent) res.appendHeader('Set-Cookie', cookie);
      },
      setHeader: (name, value) => {
        if (isHttp && !res.headersSent) res.setHeader(name, value);
      },
    };
  };
