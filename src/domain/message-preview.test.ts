import { describe, expect, it } from 'vitest';
import { messagePreview } from './message-preview.ts';

describe('messagePreview', () => {
  it('shows text, shortened past 140 characters', () => {
    expect(messagePreview({ type: 'text', body: 'Hello', content: null })).toBe('Hello');
    const long = 'x'.repeat(200);
    expect(messagePreview({ type: 'text', body: long, content: null })).toHaveLength(140);
  });
  it('labels media with its caption or file name', () => {
    const media = { kind: 'media', mediaId: '1', mimeType: 'image/jpeg', caption: null, filename: null } as const;
    expect(messagePreview({ type: 'image', body: '', content: media })).toBe('📷 Photo');
    expect(messagePreview({ type: 'image', body: '', content: { ...media, caption: 'Taj Mahal' } })).toBe('📷 Photo: Taj Mahal');
    expect(messagePreview({ type: 'document', body: '', content: { ...media, filename: 'quote.pdf' } })).toBe('📄 Document: quote.pdf');
    expect(messagePreview({ type: 'audio', body: '', content: { ...media, voice: true } })).toBe('🎤 Voice message');
  });
  it('describes reactions, locations, interactive replies and unsupported messages', () => {
    expect(messagePreview({ type: 'reaction', body: '', content: { kind: 'reaction', emoji: '👍', targetProviderId: 'w' } })).toBe('Reacted 👍');
    const location = { kind: 'location', latitude: 1, longitude: 2, name: null, address: null } as const;
    expect(messagePreview({ type: 'location', body: '', content: location })).toBe('📍 Location');
    expect(messagePreview({ type: 'location', body: '', content: { ...location, name: 'Office' } })).toBe('📍 Office');
    expect(messagePreview({ type: 'interactive', body: '', content: { kind: 'reply', replyId: 'a', title: 'Yes please', description: null } })).toBe('Yes please');
    expect(messagePreview({ type: 'unknown', body: '', content: { kind: 'unsupported', detail: null } })).toBe('Unsupported message');
  });
});
