/**
 * An email's HTML in a sandboxed frame: no scripts, no same-origin access, its styles kept away
 * from the app's (the server sanitised it too; this is the second lock).
 */
export function EmailBodyFrame({ html, title }: { html: string; title: string }) {
  const doc = `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>body{margin:0;padding:16px 18px;font:14px/1.55 -apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Arial,sans-serif;color:#111827}a{color:#4f46e5}p{margin:0 0 10px}</style></head><body>${html}</body></html>`;
  return <iframe className="mail-frame" title={title} sandbox="allow-popups allow-popups-to-escape-sandbox" srcDoc={doc} />;
}
