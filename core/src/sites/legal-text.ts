/**
 * A workshop's own legal text (AGB, Datenschutzerklärung) as typed into a plain text field, turned into
 * blocks the site renders as escaped text — never as HTML, since the text comes from the tenant.
 */
export type LegalBlock = { kind: 'heading' | 'paragraph'; text: string };

/** Lines starting with "§" (a clause) or "#" (markdown habit) are headings. */
const HEADING = /^\s*(§|#)/;

export function legalTextBlocks(text: string | null | undefined): LegalBlock[] {
  if (!text?.trim()) return [];
  const blocks: LegalBlock[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      flush();
    } else if (HEADING.test(line)) {
      flush();
      // "# Haftung" loses its markers; "§ 3 Haftung" keeps the paragraph sign, it is part of the title.
      const title = line.startsWith('#') ? line.replace(/^#+\s*/, '') : line;
      if (title) blocks.push({ kind: 'heading', text: title });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
