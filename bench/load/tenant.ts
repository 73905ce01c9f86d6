/**
 * The bench's workspace on our server, created through the real API as a person would: sign up,
 * connect a WhatsApp Cloud API channel. Every subscriber reuses the admin's session cookie (one
 * agent with many screens is enough: the stream is per tenant).
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import { ApiUser } from '../../tests/support/api-client.ts';

export type BenchTenant = { admin: ApiUser; cookie: string; tenantId: string; target: CloudTarget; appSecret: string };

export const createBenchTenant = async (serverUrl: string, name = 'Bench'): Promise<BenchTenant> => {
  const admin = new ApiUser(serverUrl);
  const me = await admin.http.auth.signUp.mutate({
    workspaceName: name,
    name: 'Bench Admin',
    email: `bench-${randomBytes(6).toString('hex')}@example.test`,
    password: 'correct horse battery staple',
  });
  const appSecret = randomBytes(16).toString('hex');
  const phoneNumber = `+1555${String(randomInt(1_000_000, 9_999_999))}`;
  const channel = await admin.http.channel.create.mutate({
    provider: 'WHATSAPP_CLOUD',
    name: 'Bench line',
    phoneNumber,
    phoneNumberId: String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100_000, 999_999)),
    accessToken: 'bench-access-token',
    appSecret,
    verifyToken: randomBytes(8).toString('hex'),
    // Never called: the bench sends nothing out and no AI is configured.
    graphBaseUrl: 'http://127.0.0.1:9',
    graphApiVersion: 'v21.0',
  });
  return {
    admin,
    cookie: admin.cookie,
    tenantId: me.workspace.id,
    appSecret,
    target: { phoneNumberId: channel.phoneNumberId!, displayPhoneNumber: phoneNumber, appSecret, webhookUrl: `${serverUrl}/webhooks/whatsapp/cloud` },
  };
};

/** The same sender line pointed at another node (or at the baseline's webhook route). */
export const retarget = (target: CloudTarget, webhookUrl: string): CloudTarget => ({ ...target, webhookUrl });
