/**
 * Draft preview: the Sites token can never read drafts. With a valid signed link, the site server asks the
 * CarBot extension (which verifies the same token) for exactly that workshop's content, drafts included.
 */
import type { Faq, Post, Service, Workshop } from './directus/index.ts';

/** `workshop` is null for a preview of the platform's own posts (marketing blog). */
export type PreviewBundle = { workshop: Workshop | null; services: Service[]; faqs: Faq[]; posts: Post[] };

export async function previewBundle(token: string): Promise<PreviewBundle | null> {
  const base = process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055';
  const res = await fetch(`${base}/carbot-site/preview-content`, {
    headers: { 'x-carbot-preview': token, authorization: `Bearer ${process.env.SITES_TOKEN ?? ''}` },
  });
  if (res.status === 403 || res.status === 404) return null;
  if (!res.ok) throw new Error(`Vorschau-Inhalte nicht abrufbar (${res.status})`);
  return ((await res.json()) as { data: PreviewBundle }).data;
}

/** An image of the previewed workshop at one of the allowed widths, drafts included (the extension checks it). */
export async function previewAsset(token: string, id: string, width: number, accept: string | null) {
  const base = process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055';
  return fetch(`${base}/carbot-site/preview-asset/${id}?width=${width}`, {
    headers: {
      'x-carbot-preview': token,
      authorization: `Bearer ${process.env.SITES_TOKEN ?? ''}`,
      ...(accept ? { accept } : {}),
    },
  });
}
