import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { z } from 'zod';
import type { MessageContent } from '../../src/contracts/conversation.ts';
import type { Deps } from '../deps.ts';
import { BlockedUrlError, providerFetch } from '../http/provider-fetch.ts';
import { reply } from '../http/webhook-response.ts';
import { openSecrets } from './channel-secrets.ts';
import { graphUrl } from './whatsapp/graph-client.ts';

const ZGraphMedia = z.looseObject({ url: z.string().url(), mime_type: z.string().optional() });
/** Until the provider starts answering; the body then streams as slowly as the browser reads. */
const HEADERS_TIMEOUT_MS = 20_000;

/**
 * Media types shown inline. Anything else (HTML, SVG, documents) is a download: a customer must
 * not be able to run script on our origin by sending a file.
 */
const INLINE = /^(image\/(jpeg|png|gif|webp)|audio\/[\w.+-]+|video\/[\w.+-]+)$/i;

const safeFilename = (name: string) => name.replace(/["\\\r\n]/g, '_');

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
  const policy = deps.config.providerUrlPolicy;

  const abort = new AbortController();
  const headersTimer = setTimeout(() => abort.abort(new Error('provider did not answer in time')), HEADERS_TIMEOUT_MS);
  res.once('close', () => abort.abort(new Error('client went away')));
  let upstream: Response;
  try {
    if (channel.provider === 'WHATSAPP_CLOUD') {
      const auth = { authorization: `Bearer ${secrets.accessToken}` };
      const lookup = await providerFetch(graphUrl(channel, content.mediaId), { headers: auth, signal: abort.signal }, policy);
      const meta = ZGraphMedia.safeParse(lookup.ok ? await lookup.json() : null);
      if (!meta.success) {
        deps.log.warn({ messageId, status: lookup.status }, 'media lookup failed');
        return reply(res, 502, 'The provider no longer has this media');
      }
      upstream = await providerFetch(meta.data.url, { headers: auth, signal: abort.signal }, policy);
    } else {
      // Twilio media lives under the account on the channel's own API origin; nothing else is fetched.
      const base = new URL(channel.twilioApiBaseUrl ?? 'https://api.twilio.com');
      const media = new URL(content.mediaId);
      if (media.origin !== base.origin || !media.pathname.startsWith(`/2010-04-01/Accounts/${channel.twilioAccountSid}/`)) {
        return reply(res, 404, 'Not found');
      }
      const basic = Buffer.from(`${channel.twilioAccountSid}:${secrets.authToken}`).toString('base64');
      upstream = await providerFetch(media.toString(), { headers: { authorization: `Basic ${basic}` }, signal: abort.signal }, policy);
    }
  } catch (err) {
    deps.log.warn({ messageId, err: err instanceof Error ? err.message : String(err) }, 'media fetch failed');
    return reply(res, err instanceof BlockedUrlError ? 403 : 502, 'The provider could not be reached for this media');
  } finally {
    clearTimeout(headersTimer);
  }
  if (!upstream.ok || !upstream.body) return reply(res, 502, 'The provider no longer has this media');

  const declared = (upstream.headers.get('content-type') ?? content.mimeType ?? '').split(';')[0]!.trim();
  const inline = INLINE.test(declared);
  res.writeHead(200, {
    'content-type': inline ? declared : 'application/octet-stream',
    'content-disposition': `${inline ? 'inline' : 'attachment'}${content.filename ? `; filename="${safeFilename(content.filename)}"` : ''}`,
    'cache-control': 'private, max-age=3600',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  });
  try {
    await pipeline(Readable.fromWeb(upstream.body as ReadableStream), res);
  } catch (err) {
    // A reader that left or a provider that stalled mid-body: end this response, nothing else.
    deps.log.info({ messageId, err: err instanceof Error ? err.message : String(err) }, 'media stream ended early');
    res.destroy();
  }
};
