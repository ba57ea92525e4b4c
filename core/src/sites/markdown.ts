/**
 * The small Markdown subset editors use in CarBot texts (paragraphs, **bold**, _italic_, lists, ## headings,
 * [links](https://…)) rendered to HTML. Everything is escaped first, so content can never inject markup.
 */
import { escapeHtml } from '../text/escape.ts';

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_(.+?)_(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+|\/[^\s)]*)\)/g, '<a href="$2">$1</a>');
}

/** Content headings start at h2 (the page owns the h1), so `#` and `##` both become h2, `###` h3. */
export function renderMarkdown(source: string | null | undefined): string {
  const blocks = (source ?? '').replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const out: string[] = [];
  for (const raw of blocks) {
    const block = raw.trim();
    if (!block) continue;
    const heading = /^(#{1,4})\s+(.*)$/.exec(block);
    if (heading && !block.includes('\n')) {
      const level = Math.min(6, Math.max(2, heading[1]?.length ?? 1));
      out.push(`<h${level}>${inline(heading[2] ?? '')}</h${level}>`);
      continue;
    }
    const lines = block.split('\n');
    if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
      out.push(`<ul>${lines.map((l) => `<li>${inline(l.replace(/^\s*[-*]\s+/, ''))}</li>`).join('')}</ul>`);
      continue;
    }
    if (lines.every((l) => /^\s*\d+\.\s+/.test(l))) {
      out.push(`<ol>${lines.map((l) => `<li>${inline(l.replace(/^\s*\d+\.\s+/, ''))}</li>`).join('')}</ol>`);
      continue;
    }
    out.push(`<p>${lines.map(inline).join('<br>')}</p>`);
  }
  return out.join('\n');
}
