import type { MessageContent } from '../contracts/conversation.ts';

const labels: Record<string, string> = {
  image: '📷 Photo',
  video: '🎥 Video',
  audio: '🎤 Audio',
  document: '📄 Document',
  sticker: 'Sticker',
  location: '📍 Location',
};

/** The one-line preview an inbox row shows for a message. */
export const messagePreview = (message: { type: string; body: string; content: MessageContent | null }): string => {
  const { type, body, content } = message;
  if (content?.kind === 'reaction') return `Reacted ${content.emoji}`;
  if (content?.kind === 'media') {
    const label = content.voice ? '🎤 Voice message' : labels[type] ?? 'Attachment';
    const detail = content.caption ?? content.filename;
    return detail ? `${label}: ${detail}` : label;
  }
  if (content?.kind === 'location') return content.name ? `📍 ${content.name}` : labels.location!;
  if (content?.kind === 'reply') return content.title;
  if (body) return body.length > 140 ? `${body.slice(0, 139)}…` : body;
  if (content?.kind === 'unsupported') return 'Unsupported message';
  return labels[type] ?? 'Message';
};
