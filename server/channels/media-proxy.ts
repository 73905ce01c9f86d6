import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { MessageContent } from '../../src/contracts/conversation.ts';
import type { Deps } from '../deps.ts';
import { reply } from '../http/webhook-response.ts';
import { openSecrets } from './channel-secrets.ts';
import { graphUrl } from './whatsapp/graph-client.ts';

const ZGraphMedia = z.looseObject({ url: z.string().url(), mime_type: z.string().optional() });
const TIMEOUT_MS = 20_000;

/**
 * GET /media/:messageId — streams a message's attachment from the provider, so the browser never
 * sees the provider token. Authenticated by the session cookie; another tenant's message is 404.
 */
export const handleMediaRequest = async (deps: Deps, req: IncomingMessage, res: ServerResponse, messageId: string): Promise<void> => {
  if (req.method !== 'GET') return reply(res, 405, 'Method not allowed');
  const token = deps.lucia.readSessionCookie(req.headers.cookie ?? '');
  const { user } = token ? await deps.lucia.validateSession(token) : { user: null };
  if (!user) return reply(res, 401, 'Sign in first');
  if (!z.uuid().safeParse(messageId).success) return reply(res, 404, 'Not found');
  const message = await deps.db.message.findFirst({
    where: { id: messageId, tenantId: user.tenantId },
    include: { conversation: { include: { channel: true } } },
  });
  const content = message?.content as MessageContent | null | undefined;
  if (!message || content?.kind !== 'media' || !content.mediaId) return reply(res, 404, 'Not found');
  const channel = message.conversation.channel;
  const secrets = openSecrets(deps.secrets, channel.secrets);

  let upstream: Response;
  if (channel.provider === 'WHATSAPP_CLOUD') {
    const auth = { authorization: `Bearer ${secrets.accessToken}` };
    const lookup = await fetch(graphUrl(channel, content.mediaId), { headers: auth, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const meta = ZGraphMedia.safeParse(lookup.ok ? await lookup.json() : null);
    if (!meta.success) {
      deps.log.warn({ messageId, status: lookup.status }, 'media lookup failed');
      return reply(res, 502, 'The provider no longer has this media');
    }
    upstream = await fetch(meta.data.url, { headers: auth, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } else {
    const basic = Buffer.from(`${channel.twilioAccountSid}:${secrets.authToken}`).toString('base64');
    upstream = await fetch(content.mediaId, { headers: { authorization: `Basic ${basic}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  }
  if (!upstream.ok || !upstream.body) return reply(res, 502, 'The provider no longer has this media');
  res.writeHead(200, {
    'content-type': upstream.headers.get('content-type') ?? content.mimeType ?? 'application/octet-stream',
    'cache-control': 'private, max-age=3600',
    'x-content-type-options': 'nosniff',
    ...(content.filename ? { 'content-disposition': `inline; filename="${content.filename.replace(/["\\\r\n]/g, '_')}"` } : {}),
  });
  Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(res);
};
