import type { ChannelDto, TemplateDto } from '../../../../src/contracts/conversation.ts';

/** The server lists channels oldest first; a new one goes last, an edited one stays where it is. */
export const upsertChannel = (list: ChannelDto[], channel: ChannelDto): ChannelDto[] =>
  list.some((c) => c.id === channel.id) ? list.map((c) => (c.id === channel.id ? channel : c)) : [...list, channel];

export const removeChannel = (list: ChannelDto[], channelId: string): ChannelDto[] => list.filter((c) => c.id !== channelId);

/** Templates are listed by name, then language. */
export const addTemplate = (list: TemplateDto[], template: TemplateDto): TemplateDto[] =>
  [...list.filter((t) => t.id !== template.id), template].sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));

export const removeTemplate = (list: TemplateDto[], templateId: string): TemplateDto[] => list.filter((t) => t.id !== templateId);

export const PROVIDER_LABELS: Record<ChannelDto['provider'], string> = { WHATSAPP_CLOUD: 'WhatsApp Cloud API', TWILIO: 'Twilio' };

/** How each stored secret is named on screen (ChannelDto.secretsSet holds the keys). */
export const SECRET_LABELS: Record<string, string> = {
  accessToken: 'Access token',
  appSecret: 'App secret',
  verifyToken: 'Verify token',
  authToken: 'Auth token',
};

export const SECRETS_BY_PROVIDER: Record<ChannelDto['provider'], string[]> = {
  WHATSAPP_CLOUD: ['accessToken', 'appSecret', 'verifyToken'],
  TWILIO: ['authToken'],
};
