import { randomBytes, randomInt } from 'node:crypto';
import type { CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import type { ApiUser } from './api-client.ts';

export const randomPhone = () => `+1555${String(randomInt(1_000_000, 9_999_999))}`;

/** Connects a Cloud API channel through the real API, pointed at a fake Graph server. */
export const connectCloudChannel = async (admin: ApiUser, opts: { appUrl: string; graphUrl: string; accessToken?: string }) => {
  const appSecret = randomBytes(16).toString('hex');
  const phoneNumber = randomPhone();
  const channel = await admin.http.channel.create.mutate({
    provider: 'WHATSAPP_CLOUD',
    name: 'Support line',
    phoneNumber,
    phoneNumberId: String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100_000, 999_999)),
    accessToken: opts.accessToken ?? 'test-access-token',
    appSecret,
    verifyToken: randomBytes(8).toString('hex'),
    graphBaseUrl: opts.graphUrl,
    graphApiVersion: 'v21.0',
  });
  const target: CloudTarget = {
    phoneNumberId: channel.phoneNumberId!,
    displayPhoneNumber: phoneNumber,
    appSecret,
    webhookUrl: `${opts.appUrl}/webhooks/whatsapp/cloud`,
  };
  return { channel, target };
};
