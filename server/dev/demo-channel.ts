import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Deps } from '../deps.ts';
import { createChannel } from '../channels/manage-channels.ts';
import { createTemplate } from '../channels/manage-templates.ts';
import { ingestChannelBatch } from '../channels/ingest.ts';
import { createAiAgent } from '../ai-agent/manage-ai-agents.ts';
import { newWamid } from './cloud-webhook-builder.ts';

/** What `npm run simulate` needs to play Meta for the demo channel. Kept in DATA_DIR, never committed. */
export type DemoChannel = { phoneNumberId: string; displayPhoneNumber: string; appSecret: string; accessToken: string; simulatorPort: number };

export const DEMO_CHANNEL_FILE = 'demo-channel.json';
export const readDemoChannel = (dataDir: string): DemoChannel | null => {
  const file = resolve(dataDir, DEMO_CHANNEL_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoChannel) : null;
};

const DEMO_CONVERSATIONS = [
  { name: 'Sheena Nelson', phone: '+16505551234', lines: ['Hi! Does the Aurora sofa come in another colour?', 'Ideally something darker'] },
  { name: 'Tomás Ferreira', phone: '+351912345678', lines: ['Olá, do you ship to Lisbon?'] },
  { name: 'Priya Raman', phone: '+919812345670', lines: ['My order #1042 has not arrived yet', 'Can someone check please?'] },
];

/**
 * Connects the demo workspace to a Cloud API channel whose Graph API is the simulator
 * (`npm run simulate`), with a template and a few conversations, so a fresh start has a living inbox.
 */
export const seedDemoChannel = async (deps: Deps, opts: { tenantId: string; actorId: string; dataDir: string; simulatorPort: number }) => {
  const demo: DemoChannel = {
    phoneNumberId: `1${String(Date.now()).slice(-14)}`,
    displayPhoneNumber: '+15550783881',
    appSecret: randomBytes(24).toString('base64url'),
    accessToken: randomBytes(24).toString('base64url'),
    simulatorPort: opts.simulatorPort,
  };
  const actor = { tenantId: opts.tenantId, actorId: opts.actorId, appUrl: '' };
  const channel = await createChannel(deps, actor, {
    provider: 'WHATSAPP_CLOUD',
    name: 'Demo WhatsApp (simulator)',
    phoneNumber: demo.displayPhoneNumber,
    phoneNumberId: demo.phoneNumberId,
    accessToken: demo.accessToken,
    appSecret: demo.appSecret,
    verifyToken: randomBytes(12).toString('base64url'),
    graphBaseUrl: `http://127.0.0.1:${opts.simulatorPort}`,
    graphApiVersion: 'v21.0',
  });
  // Answers once OPENAI_API_KEY is set; until then the UI says the AI is offline and humans answer.
  await createAiAgent(deps, {
    tenantId: opts.tenantId,
    name: 'Nova',
    role: 'SUPPORT',
    personalityPrompt: 'Warm, brief and precise. Never invent facts; offer a colleague when unsure.',
    knowledgePrompt: 'Demo Furniture Co. sells sofas and chairs. Delivery takes 2–4 working days. Returns within 30 days.',
    objectivesPrompt: 'Answer product and delivery questions; hand over refunds, complaints and anything about payment.',
    model: 'gpt-4o-mini',
    temperature: 0.4,
    active: true,
    isDefault: true,
    channelIds: [],
  });
  await createTemplate(deps, { tenantId: opts.tenantId, channelId: channel.id, name: 'order_update', language: 'en_US', category: 'UTILITY', body: 'Hi {{1}}, your order {{2}} is on its way.' });
  const start = Date.now() - 45 * 60_000;
  let minute = 0;
  await ingestChannelBatch(deps, {
    tenantId: opts.tenantId,
    channelId: channel.id,
    statuses: [],
    messages: DEMO_CONVERSATIONS.flatMap((c) =>
      c.lines.map((body) => ({
        providerMessageId: newWamid(),
        from: c.phone,
        profileName: c.name,
        waId: c.phone.slice(1),
        timestamp: new Date(start + (minute += 7) * 60_000),
        type: 'text',
        body,
        content: null,
        replyToProviderId: null,
      })),
    ),
  });
  writeFileSync(resolve(opts.dataDir, DEMO_CHANNEL_FILE), JSON.stringify(demo, null, 2), { mode: 0o600 });
  return demo;
};
