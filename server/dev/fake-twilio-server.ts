import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** A real HTTP server speaking Twilio's Messages API (create message), for tests. */
export type TwilioSend = { accountSid: string; authorization: string | undefined; form: Record<string, string>; sid: string };

export const startFakeTwilio = async () => {
  const sends: TwilioSend[] = [];
  const server: Server = createServer((req, res) => {
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 20404, message: 'The requested resource was not found', status: 404 }));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const sid = `SM${randomBytes(16).toString('hex')}`;
      sends.push({ accountSid: match[1]!, authorization: req.headers.authorization, form, sid });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid, status: 'queued', to: form.To, from: form.From, body: form.Body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    sends,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
