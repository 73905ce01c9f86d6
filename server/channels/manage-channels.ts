import type { ChannelDto, CreateChannelInput, UpdateChannelInput } from '../../src/contracts/conversation.ts';
import { toE164 } from '../../src/domain/phone.ts';
import { AppError } from '../../src/errors.ts';
import { hashToken } from '../auth/token.ts';
import type { Deps } from '../deps.ts';
import { Prisma } from '../db/generated/client.ts';
import type { Tx } from '../db/client.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { toChannelDto } from './channel-dto.ts';
import { openSecrets, type ChannelSecrets } from './channel-secrets.ts';
import { forgetCloudChannels } from './whatsapp/cloud-channels.ts';

type Actor = { tenantId: string; actorId: string; appUrl: string };

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'Channel not found.' });

const phoneOrThrow = (raw: string) => {
  const phone = toE164(raw);
  if (!phone) throw new AppError('INVALID_INPUT', { userMessage: 'Enter the number in international format, like +14155550123.' });
  return phone;
};

export const listChannels = async (deps: Deps, { tenantId, appUrl }: { tenantId: string; appUrl: string }): Promise<ChannelDto[]> => {
  const channels = await deps.db.channel.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
  return channels.map((c) => toChannelDto(c, deps.secrets, appUrl));
};

const emit = async (deps: Deps, { tenantId, actorId }: Actor, work: (tx: Tx) => Promise<ChannelDto>) => {
  const result = await writeWithEvents(deps, tenantId, async (tx) => {
    const channel = await work(tx);
    return { result: channel, events: [{ type: 'channel.updated', actorId, payload: { channel } }] };
  });
  forgetCloudChannels(deps.db);
  return result;
};

export const createChannel = async (deps: Deps, actor: Actor, input: CreateChannelInput): Promise<ChannelDto> => {
  const phoneNumber = phoneOrThrow(input.phoneNumber);
  try {
    return await emit(deps, actor, async (tx) => {
      const data =
        input.provider === 'WHATSAPP_CLOUD'
          ? {
              phoneNumberId: input.phoneNumberId,
              wabaId: input.wabaId ?? null,
              graphBaseUrl: input.graphBaseUrl.replace(/\/$/, ''),
              graphApiVersion: input.graphApiVersion,
              verifyTokenHash: hashToken(input.verifyToken),
              secrets: deps.secrets.seal({ accessToken: input.accessToken, appSecret: input.appSecret, verifyToken: input.verifyToken }),
            }
          : {
              twilioAccountSid: input.twilioAccountSid,
              twilioApiBaseUrl: input.twilioApiBaseUrl.replace(/\/$/, ''),
              secrets: deps.secrets.seal({ authToken: input.authToken }),
            };
      const channel = await tx.channel.create({
        data: { tenantId: actor.tenantId, provider: input.provider, name: input.name, phoneNumber, ...data },
      });
      return toChannelDto(channel, deps.secrets, actor.appUrl);
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('CONFLICT', { userMessage: 'That WhatsApp phone number id is already connected.' });
    }
    throw err;
  }
};

export const updateChannel = (deps: Deps, actor: Actor, input: UpdateChannelInput): Promise<ChannelDto> =>
  emit(deps, actor, async (tx) => {
    const current = await tx.channel.findFirst({ where: { id: input.channelId, tenantId: actor.tenantId } });
    if (!current) throw notFound();
    const given: ChannelSecrets = { accessToken: input.accessToken, appSecret: input.appSecret, verifyToken: input.verifyToken, authToken: input.authToken };
    const secrets = { ...openSecrets(deps.secrets, current.secrets) };
    for (const [key, value] of Object.entries(given) as Array<[keyof ChannelSecrets, string | undefined]>) if (value) secrets[key] = value;
    const channel = await tx.channel.update({
      where: { id: current.id },
      data: {
        name: input.name,
        graphBaseUrl: input.graphBaseUrl?.replace(/\/$/, ''),
        graphApiVersion: input.graphApiVersion,
        wabaId: input.wabaId,
        twilioApiBaseUrl: input.twilioApiBaseUrl?.replace(/\/$/, ''),
        secrets: deps.secrets.seal(secrets),
        verifyTokenHash: input.verifyToken ? hashToken(input.verifyToken) : undefined,
      },
    });
    return toChannelDto(channel, deps.secrets, actor.appUrl);
  });

export const deleteChannel = async (deps: Deps, actor: Actor, { channelId }: { channelId: string }): Promise<void> => {
  await writeWithEvents(deps, actor.tenantId, async (tx) => {
    const { count } = await tx.channel.deleteMany({ where: { id: channelId, tenantId: actor.tenantId } });
    if (count === 0) throw notFound();
    return { result: undefined, events: [{ type: 'channel.deleted', actorId: actor.actorId, payload: { channelId } }] };
  });
  forgetCloudChannels(deps.db);
};
