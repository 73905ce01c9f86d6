import { createServer, type IncomingMessage, type Server } from 'node:http';
import { newWamid } from './cloud-webhook-builder.ts';

/**
 * A real HTTP server speaking the slice of Meta's Graph API that Switchboard uses: send a
 * message, look up a media id, download media. Tests script its answers; the simulator uses its
 * defaults. Point a channel's graphBaseUrl at it.
 */
export type GraphSend = { phoneNumberId: string; version: string; authorization: string | undefined; body: Record<string, unknown>; wamid: string | null };
export type ScriptedAnswer = { status: number; body: unknown };
export type FakeMedia = { mimeType: string; bytes: Buffer };
export type FakeTemplate = { name: string; language: string; status: string; category: string; components: Array<{ type: string; text?: string }> };

export type FakeGraph = {
  url: string;
  sends: GraphSend[];
  /** Answers for the next sends, in order; when empty, sends succeed with a new wamid. */
  script: (...answers: ScriptedAnswer[]) => void;
  media: Map<string, FakeMedia>;
  /** Served by GET /{version}/{waba-id}/message_templates, two per page to exercise paging. */
  templates: FakeTemplate[];
  onSend: (listener: (send: GraphSend) => void) => void;
  stop: () => Promise<void>;
};

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
};

export const startFakeGraph = async (opts: { port?: number; accessToken?: string } = {}): Promise<FakeGraph> => {
  const sends: GraphSend[] = [];
  const answers: ScriptedAnswer[] = [];
  const media = new Map<string, FakeMedia>();
  const templates: FakeTemplate[] = [];
  const listeners: Array<(send: GraphSend) => void> = [];
  let base = '';

  const authorized = (req: IncomingMessage) => !opts.accessToken || req.headers.authorization === `Bearer ${opts.accessToken}`;
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (!authorized(req)) return json(res, 401, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } });
      const send = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/.exec(path);
      if (req.method === 'POST' && send) {
        const body = await readJson(req);
        const answer = answers.shift();
        const wamid = answer ? null : newWamid();
        const record: GraphSend = { version: send[1]!, phoneNumberId: send[2]!, authorization: req.headers.authorization, body, wamid };
        sends.push(record);
        if (answer) return json(res, answer.status, answer.body);
        json(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: String(body.to).replace(/^\+/, '') }], messages: [{ id: wamid }] });
        for (const listener of listeners) listener(record);
        return;
      }
      const templateList = /^\/(v\d+\.\d+)\/([^/]+)\/message_templates$/.exec(path);
      if (req.method === 'GET' && templateList) {
        const after = Number(new URL(req.url ?? '/', base).searchParams.get('after') ?? 0);
        const next = after + 2 < templates.length ? `${base}${path}?after=${after + 2}` : undefined;
        return json(res, 200, { data: templates.slice(after, after + 2), paging: next ? { next } : {} });
      }
      const lookup = /^\/(v\d+\.\d+)\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && lookup) {
        const item = media.get(lookup[2]!);
        if (!item) return json(res, 404, { error: { message: 'Unsupported get request.', code: 100 } });
        return json(res, 200, { url: `${base}/media-bytes/${lookup[2]}`, mime_type: item.mimeType, file_size: item.bytes.length, id: lookup[2], messaging_product: 'whatsapp' });
      }
      const bytes = /^\/media-bytes\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && bytes) {
        const item = media.get(bytes[1]!);
        if (!item) return json(res, 404, { error: { message: 'Not found' } });
        res.writeHead(200, { 'content-type': item.mimeType, 'content-length': item.bytes.length });
        res.end(item.bytes);
        return;
      }
      json(res, 404, { error: { message: `Unknown path ${path}` } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url: base,
    sends,
    media,
    templates,
    script: (...next) => answers.push(...next),
    onSend: (listener) => listeners.push(listener),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
