import type { SecretBox } from '../security/secret-box.ts';

/** What a channel keeps encrypted, by provider. */
export type CloudSecrets = { accessToken: string; appSecret: string; verifyToken: string };
export type TwilioSecrets = { authToken: string };
export type ChannelSecrets = Partial<CloudSecrets & TwilioSecrets>;

export const openSecrets = (box: SecretBox, sealed: string): ChannelSecrets => box.open<ChannelSecrets>(sealed);

export const requireSecret = <K extends keyof ChannelSecrets>(secrets: ChannelSecrets, key: K): string => {
  const value = secrets[key];
  if (!value) throw new Error(`channel secret ${key} is not set`);
  return value;
};
