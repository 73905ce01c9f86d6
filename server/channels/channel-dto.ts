import type { ChannelDto } from '../../src/contracts/conversation.ts';
import type { Channel } from '../db/generated/client.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { openSecrets } from './channel-secrets.ts';

export const webhookPath = (channel: Pick<Channel, 'id' | 'provider'>): string =>
  channel.provider === 'WHATSAPP_CLOUD' ? '/webhooks/whatsapp/cloud' : `/webhooks/whatsapp/twilio/${channel.id}`;

export const toChannelDto = (channel: Channel, box: SecretBox, appUrl: string): ChannelDto => ({
  id: channel.id,
  provider: channel.provider,
  name: channel.name,
  phoneNumber: channel.phoneNumber,
  phoneNumberId: channel.phoneNumberId,
  wabaId: channel.wabaId,
  graphBaseUrl: channel.graphBaseUrl,
  graphApiVersion: channel.graphApiVersion,
  twilioAccountSid: channel.twilioAccountSid,
  twilioApiBaseUrl: channel.twilioApiBaseUrl,
  webhookUrl: `${appUrl}${webhookPath(channel)}`,
  secretsSet: Object.entries(openSecrets(box, channel.secrets))
    .filter(([, value]) => Boolean(value))
    .map(([key]) => key)
    .sort(),
  createdAt: channel.createdAt.toISOString(),
});
