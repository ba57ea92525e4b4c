/**
 * Whether a matched platform route names content that exists. Checked in the page's frontmatter, because
 * the status code can only be set before the page starts streaming (components render later). Workshop
 * pages answer this through their loaders (lib/pages).
 */
import { type PlatformRoute, pageCount } from '@carbot/core/sites/routes';
import * as content from './content.ts';
import type { PreviewBundle } from './preview.ts';
import type { PlatformSite } from './site.ts';

export const BLOG_PER_PAGE = 6;

export async function platformRouteExists(
  site: PlatformSite,
  route: PlatformRoute,
  preview?: PreviewBundle,
): Promise<boolean> {
  switch (route.page) {
    case 'post':
      return (await content.post(site, route.slug, preview)) !== undefined;
    case 'blog':
      return (
        route.pageNo === 1 || route.pageNo <= pageCount((await content.posts(site, 1, 1, preview)).total, BLOG_PER_PAGE)
      );
    default:
      return true;
  }
}
