import type { MessageContent as Content, MessageDto } from '../../../../src/contracts/conversation.ts';
import { ExternalLinkIcon, FileIcon, MapPinIcon, ReplyIcon, TemplateIcon } from '../../../components/icons.tsx';
import { LinkifiedText } from './linkified-text.tsx';

type Media = Extract<Content, { kind: 'media' }>;
type Location = Extract<Content, { kind: 'location' }>;

/** Attachments always come through our server (cookie auth), never from the provider's URL. */
const mediaUrl = (messageId: string) => `/media/${messageId}`;

const osmUrl = ({ latitude, longitude }: Location) =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;

function MediaBody({ message, media }: { message: MessageDto; media: Media }) {
  const src = mediaUrl(message.id);
  if (!media.mediaId) {
    return (
      <div className="msg-media-missing">
        <FileIcon /> Attachment unavailable
      </div>
    );
  }
  switch (message.type) {
    case 'image':
      return (
        <a className="msg-image-link" href={src} target="_blank" rel="noopener noreferrer" aria-label="Open image in a new tab">
          <img className="msg-image" src={src} alt={media.caption ?? 'Image from the customer'} loading="lazy" />
        </a>
      );
    case 'sticker':
      return <img className="msg-sticker" src={src} alt="Sticker" loading="lazy" />;
    case 'video':
      return <video className="msg-video" src={src} controls preload="metadata" />;
    case 'audio':
      return (
        <div className="msg-audio">
          <span className="msg-audio-label">{media.voice ? 'Voice message' : 'Audio'}</span>
          <audio src={src} controls preload="metadata" />
        </div>
      );
    default: {
      const name = media.filename ?? 'Document';
      return (
        <a className="msg-document" href={src} target="_blank" rel="noopener noreferrer" download={media.filename ?? undefined}>
          <span className="msg-document-icon">
            <FileIcon />
          </span>
          <span className="msg-document-main">
            <span className="msg-document-name">{name}</span>
            <span className="msg-document-type">{media.mimeType ?? 'File'}</span>
          </span>
        </a>
      );
    }
  }
}

/** The body of a bubble, by kind: text, media, location, a button/list reply, a template. */
export function MessageContent({ message }: { message: MessageDto }) {
  const content = message.content;
  if (!content) return message.body ? <LinkifiedText text={message.body} /> : <span className="msg-empty">(empty message)</span>;

  switch (content.kind) {
    case 'media':
      return (
        <>
          <MediaBody message={message} media={content} />
          {content.caption ? (
            <div className="msg-caption">
              <LinkifiedText text={content.caption} />
            </div>
          ) : null}
        </>
      );
    case 'location':
      return (
        <a className="msg-location" href={osmUrl(content)} target="_blank" rel="noopener noreferrer">
          <span className="msg-location-icon">
            <MapPinIcon />
          </span>
          <span className="msg-location-main">
            <span className="msg-location-name">{content.name ?? 'Shared location'}</span>
            <span className="msg-location-address">
              {content.address ?? `${content.latitude.toFixed(5)}, ${content.longitude.toFixed(5)}`}
            </span>
            <span className="msg-location-open">
              Open in OpenStreetMap <ExternalLinkIcon />
            </span>
          </span>
        </a>
      );
    case 'reply':
      return (
        <span className="msg-reply-chip" title={content.replyId ? `Reply id: ${content.replyId}` : undefined}>
          <ReplyIcon />
          <span>
            <span className="msg-reply-title">{content.title}</span>
            {content.description ? <span className="msg-reply-description">{content.description}</span> : null}
          </span>
        </span>
      );
    case 'template':
      return (
        <>
          <span className="msg-template-label">
            <TemplateIcon /> Template · {content.name} ({content.language})
          </span>
          <LinkifiedText text={message.body} />
        </>
      );
    case 'unsupported':
      return <span className="msg-unsupported">This message type isn’t supported yet{content.detail ? ` (${content.detail})` : ''}.</span>;
    case 'reaction':
      return <span>{content.emoji}</span>;
  }
}
