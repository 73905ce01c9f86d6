import type { ReactNode } from 'react';

// http(s) links and bare www. addresses; trailing punctuation stays text ("see example.com.").
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]}]/gi;

/** Message text as written: line breaks kept (by CSS), web addresses clickable, nothing else interpreted. */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = match[0];
    if (start > last) parts.push(text.slice(last, start));
    const href = url.startsWith('www.') ? `https://${url}` : url;
    parts.push(
      <a key={start} className="msg-link" href={href} target="_blank" rel="noopener noreferrer nofollow">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
