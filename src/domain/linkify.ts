/**
 * Plain text as HTML with its web addresses and email addresses made into links. The AI writes
 * plain text; without this a "book a call: https://cal.acme.test/sam" arrives as dead text.
 *
 * Only `http(s)://…`, `www.…` (linked as https) and `name@domain.tld` (mailto) are linked, so no
 * other scheme (javascript:, data:) can become an href; everything is HTML-escaped, and the
 * caller still runs the email sanitizer over the result. Trailing sentence punctuation and a
 * closing bracket the address did not open stay outside the link ("(see https://a.test/x).").
 */
const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/gi;
const TRAILING = /[.,;:!?'"]+$/;

export const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Drops trailing punctuation and unbalanced closing brackets from a matched address. */
const trimAddress = (match: string): string => {
  let url = match;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
      if (url.endsWith(close) && url.split(open).length < url.split(close).length) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
};

const hrefFor = (address: string): string | null => {
  if (/^https?:\/\//i.test(address)) return /^https?:\/\/[^/?#\s]+\.[^/?#\s]+/i.test(address) || /^https?:\/\/localhost\b/i.test(address) ? address : null;
  if (/^www\./i.test(address)) return `https://${address}`;
  return address.includes('@') ? `mailto:${address}` : null;
};

export const linkifyText = (text: string): string => {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const address = trimAddress(match[0]);
    const href = hrefFor(address);
    if (!href) continue;
    const start = match.index;
    out += escapeHtml(text.slice(last, start)) + `<a href="${escapeHtml(href)}">${escapeHtml(address)}</a>`;
    last = start + address.length;
  }
  return out + escapeHtml(text.slice(last));
};
