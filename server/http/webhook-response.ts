import type { ServerResponse } from 'node:http';

export const reply = (res: ServerResponse, status: number, body = '', contentType = 'text/plain; charset=utf-8') => {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
};
