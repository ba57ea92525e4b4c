/** Page data: live content through the Sites token, or the draft bundle of a verified preview link. */
import { type Faq, faqsOf, type Post, postBySlug, postsOf, type Service, servicesOf } from './directus/index.ts';
import type { PreviewBundle } from './preview.ts';
import { ownerOf, type Site } from './site.ts';

export async function services(workshopId: string, preview?: PreviewBundle): Promise<Service[]> {
  return preview ? preview.services : servicesOf(workshopId);
}

export async function faqs(site: Site, preview?: PreviewBundle): Promise<Faq[]> {
  return preview ? preview.faqs : faqsOf(ownerOf(site));
}

export async function posts(
  site: Site,
  page: number,
  perPage: number,
  preview?: PreviewBundle,
): Promise<{ posts: Post[]; total: number }> {
  if (!preview) return postsOf(ownerOf(site), page, perPage);
  return { posts: preview.posts.slice((page - 1) * perPage, page * perPage), total: preview.posts.length };
}

export async function post(site: Site, slug: string, preview?: PreviewBundle): Promise<Post | undefined> {
  return preview ? preview.posts.find((p) => p.slug === slug) : postBySlug(ownerOf(site), slug);
}
