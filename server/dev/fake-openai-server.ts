import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A real HTTP server speaking OpenAI's chat completions wire format (JSON and SSE streaming,
 * tool calls, error bodies), for the real `openai` SDK pointed at it by base URL.
 */
export type FakeCompletion =
  | { kind: 'text'; text: string; /** Delay between streamed chunks, to make a completion slow. */ chunkDelayMs?: number }
  | { kind: 'tool'; name: string; args: Record<string, unknown> }
  | { kind: 'error'; status: number; message: string };

export type ChatRequest = {
  model: string;
  messages: Array<{ role: string; content: string | null }>;
  temperature?: number;
  stream?: boolean;
  tools?: Array<{ type: string; function: { name: string } }>;
};

export type FakeOpenAi = {
  url: string;
  requests: ChatRequest[];
  /** Answers for the next requests in order; when empty, `fallback` answers. */
  script: (...answers: FakeCompletion[]) => void;
  setFallback: (answer: FakeCompletion | ((request: ChatRequest) => FakeCompletion)) => void;
  /** Called as each request arrives, before it is answered. */
  onRequest: (listener: (request: ChatRequest) => void) => void;
  stop: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const chunkText = (text: string): string[] => text.match(/\S+\s*/g) ?? [text];

const sse = async (res: ServerResponse, id: string, model: string, answer: Exclude<FakeCompletion, { kind: 'error' }>) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (delta: Record<string, unknown>, finish: string | null) =>
    res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
  send({ role: 'assistant', content: '' }, null);
  if (answer.kind === 'text') {
    for (const piece of chunkText(answer.text)) {
      if (res.destroyed) return;
      if (answer.chunkDelayMs) await sleep(answer.chunkDelayMs);
      send({ content: piece }, null);
    }
    send({}, 'stop');
  } else {
    send({ tool_calls: [{ index: 0, id: `call_${randomBytes(6).toString('hex')}`, type: 'function', function: { name: answer.name, arguments: JSON.stringify(answer.args) } }] }, null);
    send({}, 'tool_calls');
  }
  res.write('data: [DONE]\n\n');
  res.end();
};

const whole = (res: ServerResponse, id: string, model: string, answer: Exclude<FakeCompletion, { kind: 'error' }>) => {
  const message =
    answer.kind === 'text'
      ? { role: 'assistant', content: answer.text }
      : { role: 'assistant', content: null, tool_calls: [{ id: `call_${randomBytes(6).toString('hex')}`, type: 'function', function: { name: answer.name, arguments: JSON.stringify(answer.args) } }] };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, message, finish_reason: answer.kind === 'text' ? 'stop' : 'tool_calls' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
};

export const startFakeOpenAi = async (): Promise<FakeOpenAi> => {
  const requests: ChatRequest[] = [];
  const answers: FakeCompletion[] = [];
  const listeners: Array<(request: ChatRequest) => void> = [];
  let fallback: FakeCompletion | ((request: ChatRequest) => FakeCompletion) = { kind: 'text', text: 'Happy to help!' };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !/\/chat\/completions$/.test(req.url ?? '')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Not found', type: 'invalid_request_error' } }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    requests.push(request);
    for (const listener of listeners) listener(request);
    const answer = answers.shift() ?? (typeof fallback === 'function' ? fallback(request) : fallback);
    if (answer.kind === 'error') {
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: answer.message, type: 'server_error', code: null } }));
      return;
    }
    const id = `chatcmpl-${randomBytes(8).toString('hex')}`;
    if (request.stream) await sse(res, id, request.model, answer);
    else whole(res, id, request.model, answer);
  };

  const server: Server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1`,
    requests,
    script: (...next) => answers.push(...next),
    setFallback: (next) => {
      fallback = next;
    },
    onRequest: (listener) => listeners.push(listener),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
