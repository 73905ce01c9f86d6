import { generateKeyPairSync, randomBytes, sign as signWith } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';

/**
 * A real HTTP server speaking the slice of SendGrid's v3 API that Switchboard uses — Mail Send —
 * plus the other direction: a signing key like an account's Signed Event Webhook, to post signed
 * event batches to our webhook. Point `@sendgrid/mail` at `url` with
 * `createSendgridMailer(apiKey, url)` (server/email/sendgrid-client.ts).
 */

const ZAddress = z.object({ email: z.string(), name: z.string().optional() });
const ZPersonalization = z.looseObject({
  to: z.array(ZAddress).optional(),
  cc: z.array(ZAddress).optional(),
  bcc: z.array(ZAddress).optional(),
  subject: z.string().optional(),
  custom_args: z.record(z.string(), z.string()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  send_at: z.number().optional(),
});
/** The v3 `mail/send` request as the SDK sends it (snake_case). Unknown fields are kept. */
export const ZMailSendBody = z.looseObject({
  personalizations: z.array(ZPersonalization).optional(),
  from: ZAddress.optional(),
  reply_to: ZAddress.optional(),
  reply_to_list: z.array(ZAddress).optional(),
  subject: z.string().optional(),
  content: z.array(z.object({ type: z.string(), value: z.string() })).optional(),
  template_id: z.string().optional(),
  custom_args: z.record(z.string(), z.string()).optional(),
  categories: z.array(z.string()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  asm: z.looseObject({ group_id: z.number() }).optional(),
  tracking_settings: z.record(z.string(), z.unknown()).optional(),
  mail_settings: z.record(z.string(), z.unknown()).optional(),
  send_at: z.number().optional(),
});
export type MailSendBody = z.infer<typeof ZMailSendBody>;

export type SentMail = {
  body: MailSendBody;
  headers: IncomingHttpHeaders;
  receivedAt: Date;
  /** The X-Message-Id answered; SendGrid's events carry it as the first part of `sg_message_id`. */
  messageId: string;
};

export type SendgridError = { message: string; field: string | null; help: string | null };

export type FakeSendgrid = {
  url: string;
  /** Accepted mails (202), in arrival order. */
  sent: SentMail[];
  /** The next `times` (default 1) authorised Mail Send requests answer `status` with SendGrid's error body. */
  failNext(status: number, times?: number): void;
  /**
   * Holds the next authorised Mail Send request: `arrived` resolves once it is in, and it is
   * answered only when the test calls `release(status)` (202 accepts it as usual). For racing a
   * send against webhook events without sleeps.
   */
  holdNext(): { arrived: Promise<void>; release(status: number): void };
  /** Resolves once `count` mails have been accepted (from the request handler, no polling). */
  waitForSent(count: number): Promise<SentMail[]>;
  /** Base64 DER SubjectPublicKeyInfo of this fake account's P-256 key, as SendGrid displays it. */
  publicKey: string;
  sign(rawBody: string, timestamp?: string): { signature: string; timestamp: string };
  /** POSTs `events` as SendGrid does (compact JSON, `\r\n` between events and at the end), signed. */
  signAndPost(targetUrl: string, events: object[]): Promise<Response>;
  close(): Promise<void>;
};

/** SendGrid's wire layout for an event batch: `[{…},\r\n{…}]\r\n`. */
export const sendgridEventBody = (events: object[]): string => `[${events.map((event) => JSON.stringify(event)).join(',\r\n')}]\r\n`;

/**
 * An event as SendGrid would post it for `mail` (first recipient unless told), with the mail's
 * custom args flattened to top-level keys (reserved keys win, as at SendGrid).
 */
export const sendgridEventFor = (
  mail: SentMail,
  event: string,
  extra: Record<string, unknown> & { email?: string; timestamp?: number } = {},
): Record<string, unknown> => {
  const personalization = mail.body.personalizations?.[0];
  const customArgs = { ...mail.body.custom_args, ...personalization?.custom_args };
  return {
    ...customArgs,
    email: personalization?.to?.[0]?.email ?? '',
    timestamp: Math.floor(Date.now() / 1000),
    'smtp-id': `<${mail.messageId}@ismtpd0001p1lon1.sendgrid.net>`,
    event,
    sg_event_id: randomBytes(16).toString('base64url'),
    sg_message_id: `${mail.messageId}.filterdrecv-5bd4d8c4c9-abcde-1-6540A0B0-1.0`,
    ...extra,
  };
};

const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html';
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The checks SendGrid makes that matter to us, with its messages, fields and help links. */
const validate = (raw: unknown): { body: MailSendBody; errors: SendgridError[] } => {
  const parsed = ZMailSendBody.safeParse(raw);
  if (!parsed.success) {
    return { body: {}, errors: [{ message: 'Bad Request', field: parsed.error.issues[0]?.path.join('.') || null, help: null }] };
  }
  const body = parsed.data;
  const errors: SendgridError[] = [];
  if (!body.from?.email) {
    errors.push({ message: 'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.', field: 'from', help: `${HELP}#message.from` });
  } else if (!EMAIL.test(body.from.email)) {
    errors.push({ message: 'The from email does not contain a valid address.', field: 'from.email', help: `${HELP}#message.from` });
  }
  if (!body.personalizations?.length) {
    errors.push({ message: 'The personalizations field is required and must have at least one personalization.', field: 'personalizations', help: `${HELP}#-Personalizations-Errors` });
  }
  body.personalizations?.forEach((p, i) => {
    if (!p.to?.length) {
      errors.push({ message: 'The to array is required for all personalization objects, and must have at least one email object with a valid email address.', field: `personalizations.${i}.to`, help: `${HELP}#message.personalizations.to` });
    }
    p.to?.forEach((to, j) => {
      if (!EMAIL.test(to.email)) errors.push({ message: 'Does not contain a valid address.', field: `personalizations.${i}.to.${j}.email`, help: `${HELP}#message.personalizations.to` });
    });
  });
  // Empty blocks are refused even beside a template_id (what the SDK sends for `text: ''`).
  body.content?.forEach((c, i) => {
    if (!c.type) errors.push({ message: 'The content type must be a string at least one character in length.', field: `content.${i}.type`, help: `${HELP}#message.content.type` });
    if (!c.value) errors.push({ message: 'The content value must be a string at least one character in length.', field: `content.${i}.value`, help: `${HELP}#message.content.value` });
  });
  if (!body.template_id) {
    if (!body.content?.length) {
      errors.push({ message: 'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.', field: 'content', help: `${HELP}#message.content` });
    }
    if (!body.subject && !(body.personalizations?.length && body.personalizations.every((p) => p.subject))) {
      errors.push({ message: 'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.', field: 'subject', help: `${HELP}#message.subject` });
    }
  }
  return { body, errors };
};

const FAILURE_MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'The provided authorization grant is invalid, expired, or revoked',
  403: 'access forbidden',
  413: 'The JSON payload you have included in your request is too large.',
  429: 'too many requests',
};

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const answer = (res: ServerResponse, status: number, errors?: SendgridError[], headers: Record<string, string> = {}) => {
  if (!errors) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ errors }));
};

export const startFakeSendgrid = async (opts: { port?: number; apiKey?: string } = {}): Promise<FakeSendgrid> => {
  const sent: SentMail[] = [];
  const failures: number[] = [];
  let held: { arrive: () => void; released: Promise<number> } | null = null;
  let waiters: Array<{ count: number; resolve: (mails: SentMail[]) => void }> = [];
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

  const accept = (mail: SentMail) => {
    sent.push(mail);
    waiters = waiters.filter((waiter) => {
      if (sent.length < waiter.count) return true;
      waiter.resolve(sent.slice(0, waiter.count));
      return false;
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/v3/mail/send') return answer(res, 404, [{ message: 'resource not found', field: null, help: null }]);
    if (req.method !== 'POST') return answer(res, 405, [{ message: 'method not allowed', field: null, help: null }]);
    const raw = await readBody(req);
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) return answer(res, 401, [{ message: 'authorization required', field: null, help: null }]);
    if (opts.apiKey !== undefined && bearer !== opts.apiKey) return answer(res, 401, [{ message: FAILURE_MESSAGES[401]!, field: null, help: null }]);

    let scripted = failures.shift();
    if (scripted === undefined && held) {
      const hold = held;
      held = null;
      hold.arrive();
      const status = await hold.released;
      if (status !== 202) scripted = status;
    }
    if (scripted !== undefined) {
      const message = FAILURE_MESSAGES[scripted] ?? (scripted >= 500 ? 'Internal server error' : 'Request failed');
      const headers: Record<string, string> = scripted === 429 ? { 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) } : {};
      return answer(res, scripted, [{ message, field: scripted === 400 ? 'content' : null, help: null }], headers);
    }

    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return answer(res, 400, [{ message: 'Bad Request', field: null, help: null }]);
    }
    const { body, errors } = validate(json);
    if (errors.length) return answer(res, 400, errors);
    const messageId = randomBytes(16).toString('base64url');
    // Recorded in the same tick as the answer is written: by the time the SDK's send resolves, `sent` holds it.
    answer(res, 202, undefined, { 'x-message-id': messageId });
    accept({ body, headers: req.headers, receivedAt: new Date(), messageId });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const sign = (rawBody: string, timestamp = String(Math.floor(Date.now() / 1000))) => ({
    signature: signWith('sha256', Buffer.from(timestamp + rawBody, 'utf8'), { key: privateKey, dsaEncoding: 'der' }).toString('base64'),
    timestamp,
  });

  return {
    url,
    sent,
    failNext: (status, times = 1) => {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    holdNext: () => {
      let arrive = () => {};
      let release: (status: number) => void = () => {};
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      held = { arrive, released: new Promise<number>((resolve) => (release = resolve)) };
      return { arrived, release: (status) => release(status) };
    },
    waitForSent: (count) =>
      sent.length >= count ? Promise.resolve(sent.slice(0, count)) : new Promise((resolve) => waiters.push({ count, resolve })),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    sign,
    signAndPost: async (targetUrl, events) => {
      const body = sendgridEventBody(events);
      const { signature, timestamp } = sign(body);
      return fetch(targetUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'SendGrid Event API',
          'x-twilio-email-event-webhook-signature': signature,
          'x-twilio-email-event-webhook-timestamp': timestamp,
        },
        body,
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
