import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZCloudValue, ZCloudWebhook, type CloudValue } from './cloud-payload.ts';
import { normalizeCloudMessages, normalizeCloudStatuses } from './normalize-cloud.ts';

const sample = (name: string): CloudValue => {
  const raw = readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/provider-vectors/whatsapp-cloud', name), 'utf8');
  const webhook = ZCloudWebhook.parse(JSON.parse(raw));
  return ZCloudValue.parse(webhook.entry[0]!.changes[0]!.value);
};

const value = (messages: unknown[], contacts: unknown[] = [{ wa_id: '16505551234', profile: { name: 'Sheena' } }]) =>
  ZCloudValue.parse({ metadata: { phone_number_id: '1' }, contacts, messages });

describe('normalizeCloudMessages', () => {
  it("reads Meta's text sample", () => {
    const { messages } = normalizeCloudMessages(sample('text-message.json'));
    expect(messages).toEqual([
      {
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        from: '+16505551234',
        profileName: 'Sheena Nelson',
        waId: '16505551234',
        timestamp: new Date(1749416383 * 1000),
        type: 'text',
        body: 'Does it come in another color?',
        content: null,
        replyToProviderId: null,
      },
    ]);
  });

  it("reads Meta's image sample as media with its caption", () => {
    const [message] = normalizeCloudMessages(sample('image-message.json')).messages;
    expect(message).toMatchObject({
      type: 'image',
      body: 'Taj Mahal',
      content: { kind: 'media', mediaId: '1003383421387256', mimeType: 'image/jpeg', caption: 'Taj Mahal', filename: null },
    });
  });

  it('reads documents, voice notes, locations, button and list replies, reactions and reply context', () => {
    const { messages } = normalizeCloudMessages(
      value([
        { from: '16505551234', id: 'w1', timestamp: '1', type: 'document', document: { id: 'd1', filename: 'quote.pdf', mime_type: 'application/pdf' } },
        { from: '16505551234', id: 'w2', timestamp: '2', type: 'audio', audio: { id: 'a1', mime_type: 'audio/ogg', voice: true } },
        { from: '16505551234', id: 'w3', timestamp: '3', type: 'location', location: { latitude: 38.9, longitude: -77.0, name: 'Office' } },
        { from: '16505551234', id: 'w4', timestamp: '4', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } } },
        { from: '16505551234', id: 'w5', timestamp: '5', type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'l1', title: 'Blue', description: 'Navy' } } },
        { from: '16505551234', id: 'w6', timestamp: '6', type: 'reaction', reaction: { message_id: 'w1', emoji: '👍' } },
        { from: '16505551234', id: 'w7', timestamp: '7', type: 'text', text: { body: 'this one' }, context: { from: '15550783881', id: 'wamid.out' } },
        { from: '16505551234', id: 'w8', timestamp: '8', type: 'button', button: { payload: 'STOP', text: 'Stop promotions' } },
      ]),
    );
    expect(messages.map((m) => [m.type, m.body, m.content])).toEqual([
      ['document', '', { kind: 'media', mediaId: 'd1', mimeType: 'application/pdf', caption: null, filename: 'quote.pdf' }],
      ['audio', '', { kind: 'media', mediaId: 'a1', mimeType: 'audio/ogg', caption: null, filename: null, voice: true }],
      ['location', '', { kind: 'location', latitude: 38.9, longitude: -77.0, name: 'Office', address: null }],
      ['interactive', 'Yes', { kind: 'reply', replyId: 'yes', title: 'Yes', description: null }],
      ['interactive', 'Blue', { kind: 'reply', replyId: 'l1', title: 'Blue', description: 'Navy' }],
      ['reaction', '', { kind: 'reaction', emoji: '👍', targetProviderId: 'w1' }],
      ['text', 'this one', null],
      ['button', 'Stop promotions', { kind: 'reply', replyId: 'STOP', title: 'Stop promotions', description: null }],
    ]);
    expect(messages[6]!.replyToProviderId).toBe('wamid.out');
  });

  it('keeps unknown types as unsupported and skips senders without a phone number', () => {
    const { messages, skipped } = normalizeCloudMessages(
      value([
        { from: '16505551234', id: 'w1', timestamp: '1', type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown' }] },
        { id: 'w2', timestamp: '2', type: 'text', text: { body: 'from a username user' } },
      ]),
    );
    expect(messages.map((m) => m.content)).toEqual([{ kind: 'unsupported', detail: 'Message type unknown' }]);
    expect(skipped).toEqual(['w2']);
  });
});

describe('normalizeCloudStatuses', () => {
  it("reads Meta's status samples, keeping a failure's code and title", () => {
    expect(normalizeCloudStatuses(sample('status-sent.json').statuses!)).toEqual([
      { providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=', status: 'SENT', timestamp: new Date(1750030073000), errorCode: null, errorTitle: null },
    ]);
    expect(normalizeCloudStatuses(sample('status-sent-v24-minimal.json').statuses!)).toHaveLength(1);
    expect(normalizeCloudStatuses(sample('status-failed.json').statuses!)).toEqual([
      expect.objectContaining({ status: 'FAILED', errorCode: '131049', errorTitle: 'This message was not delivered to maintain healthy ecosystem engagement.' }),
    ]);
  });
  it('ignores statuses we do not track', () => {
    const statuses = ZCloudValue.parse({ metadata: { phone_number_id: '1' }, statuses: [{ id: 'w', status: 'played', timestamp: '1' }] }).statuses!;
    expect(normalizeCloudStatuses(statuses)).toEqual([]);
  });
});
