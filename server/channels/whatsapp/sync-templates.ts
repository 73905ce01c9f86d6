import { z } from 'zod';
import { AppError } from '../../../src/errors.ts';
import type { Deps } from '../../deps.ts';
import { openSecrets } from '../channel-secrets.ts';
import { graphUrl } from './graph-client.ts';
import { providerFetch } from '../../http/provider-fetch.ts';
import { writeWithEvents } from '../../realtime/write-with-events.ts';

const ZTemplatePage = z.object({
  data: z.array(
    z.looseObject({
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string().optional(),
      components: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).default([]),
    }),
  ),
  paging: z.looseObject({ next: z.string().optional() }).optional(),
});

const MAX_PAGES = 20;

/**
 * Pulls the channel's approved templates from the Graph API (GET /{waba-id}/message_templates)
 * and upserts them by name and language. Templates added by hand are kept.
 */
export const syncTemplates = async (
  deps: Deps,
  { tenantId, channelId }: { tenantId: string; channelId: string },
): Promise<{ imported: number; skipped: number }> => {
  const channel = await deps.db.channel.findFirst({ where: { id: channelId, tenantId } });
  if (!channel) throw new AppError('NOT_FOUND', { userMessage: 'Channel not found.' });
  if (channel.provider !== 'WHATSAPP_CLOUD') {
    throw new AppError('INVALID_STATE', { userMessage: 'Template sync is available for WhatsApp Cloud API channels.' });
  }
  if (!channel.wabaId) {
    throw new AppError('INVALID_STATE', {
      userMessage: 'Add the WhatsApp Business Account ID (or wait for the first webhook, which carries it) to sync templates.',
    });
  }
  const { accessToken } = openSecrets(deps.secrets, channel.secrets);
  let url: string | undefined = `${graphUrl(channel, `${channel.wabaId}/message_templates`)}?fields=name,language,status,category,components&limit=100`;
  let imported = 0;
  let skipped = 0;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const res: Response = await providerFetch(url, { headers: { authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(15_000) }, deps.config.providerUrlPolicy);
    const parsed = ZTemplatePage.safeParse(res.ok ? await res.json() : null);
    if (!parsed.success) {
      throw new AppError('INVALID_STATE', { userMessage: `WhatsApp refused the template list (HTTP ${res.status}). Check the access token and account id.` });
    }
    for (const t of parsed.data.data) {
      const body = t.components.find((c) => c.type.toUpperCase() === 'BODY')?.text;
      if (t.status !== 'APPROVED' || !body) {
        skipped++;
        continue;
      }
      await deps.db.messageTemplate.upsert({
        where: { channelId_name_language: { channelId, name: t.name, language: t.language } },
        create: { tenantId, channelId, name: t.name, language: t.language, category: t.category ?? 'UTILITY', body },
        update: { body, category: t.category ?? 'UTILITY' },
      });
      imported++;
    }
    url = parsed.data.paging?.next;
  }
  await writeWithEvents(deps, tenantId, async () => ({ result: undefined, events: [{ type: 'channel.templates_changed', actorId: null, payload: { channelId } }] }));
  return { imported, skipped };
};
