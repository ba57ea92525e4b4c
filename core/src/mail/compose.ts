/**
 * Plain, accessible e-mails: every mail goes out as text and as simple HTML built from the same
 * paragraphs, so what a person reads does not depend on their mail program.
 */
import { escapeHtml } from '../text/escape.ts';

export type Block = string | { link: string; label: string };
export type Mail = { subject: string; text: string; html: string };

export function compose(subject: string, blocks: Block[]): Mail {
  const text = blocks.map((b) => (typeof b === 'string' ? b : `${b.label}:\n${b.link}`)).join('\n\n');
  const body = blocks
    .map((b) =>
      typeof b === 'string'
        ? `<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`
        : `<p><a href="${escapeHtml(b.link)}" style="display:inline-block;padding:10px 16px;background:#1F6FEB;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(b.label)}</a></p>`,
    )
    .join('\n');
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:600px">${body}</body></html>`;
  return { subject, text: `${text}\n`, html };
}

export const SIGNATURE = 'Viele Grüße\nIhr CarBot-Team';
