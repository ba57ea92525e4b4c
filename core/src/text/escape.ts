/**
 * The one escape for text placed in HTML or XML (element content and quoted attribute values): mails,
 * server-rendered pages, Markdown, sitemaps, feeds and SVG. `'` becomes `&#39;`, which HTML and XML
 * both read (XML's `&apos;` is unknown to HTML 4 mail programs).
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
