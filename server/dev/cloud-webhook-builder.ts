import { randomBytes } from 'node:crypto';
import { signMetaBody } from '../channels/whatsapp/verify-signature.ts';

/**
 * Builds Cloud API webhook payloads the way Meta sends them (envelope, metadata, contacts,
 * unix-second string timestamps). Used by `npm run simulate` and the tests.
 */
export type CloudTarget = { phoneNumberId: string; displayPhoneNumber: string; appSecret: string; webhookUrl: string };

export const newWamid = () => `wamid.${randomBytes(24).toString('base64url')}`;
const unix = (date: Date) => String(Math.floor(date.getTime() / 1000));

const envelope = (target: CloudTarget, value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: target.displayPhoneNumber.replace(/^\+/, ''), phone_number_id: target.phoneNumberId },
            ...value,
          },
        },
      ],
    },
  ],
});

export type InboundText = { from: string; name: string; body: string; id?: string; at?: Date };

export const inboundTextPayload = (target: CloudTarget, messages: InboundText[]) =>
  envelope(target, {
    contacts: [...new Map(messages.map((m) => [m.from, m])).values()].map((m) => ({ profile: { name: m.name }, wa_id: m.from.replace(/^\+/, '') })),
    messages: messages.map((m) => ({
      from: m.from.replace(/^\+/, ''),
      id: m.id ?? newWamid(),
      timestamp: unix(m.at ?? new Date()),
      type: 'text',
      text: { body: m.body },
    })),
  });

/** A delivery from one contact carrying arbitrary message objects (image, location, reaction…). */
export const inboundPayload = (target: CloudTarget, contact: { phone: string; name: string }, messages: Array<Record<string, unknown>>) =>
  envelope(target, {
    contacts: [{ profile: { name: contact.name }, wa_id: contact.phone.replace(/^\+/, '') }],
    messages: messages.map((m) => ({ from: contact.phone.replace(/^\+/, ''), id: newWamid(), timestamp: unix(new Date()), ...m })),
  });

export type StatusReport = { id: string; status: 'sent' | 'delivered' | 'read' | 'failed'; recipient: string; at?: Date; error?: { code: number; title: string } };

export const statusPayload = (target: CloudTarget, statuses: StatusReport[]) =>
  envelope(target, {
    statuses: statuses.map((s) => ({
      id: s.id,
      status: s.status,
      timestamp: unix(s.at ?? new Date()),
      recipient_id: s.recipient.replace(/^\+/, ''),
      ...(s.error ? { errors: [{ code: s.error.code, title: s.error.title, message: s.error.title }] } : {}),
    })),
  });

/** POSTs a payload signed with the app secret, as Meta does; returns the HTTP status. */
export const postSigned = async (target: CloudTarget, payload: unknown, opts: { secret?: string } = {}): Promise<number> => {
  const body = JSON.stringify(payload);
  const res = await fetch(target.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(opts.secret ?? target.appSecret, body) },
    body,
  });
  await res.arrayBuffer();
  return res.status;
};
