/**
 * Whether a matched route names content that exists. Checked in the page's frontmatter, because the
 * status code can only be set before the page starts streaming (components render later).
 */
import type { Lang } from '@carbot/core/sites/i18n';
import { type PlatformRoute, pageCount, type WorkshopRoute, workshopPageShown } from '@carbot/core/sites/routes';
import * as content from './content.ts';
import { vehicleById } from './directus/index.ts';
import type { PreviewBundle } from './preview.ts';
import { contentOf, type Site } from './site.ts';

export const BLOG_PER_PAGE = 6;

export async function routeExists(
  site: Site,
  lang: Lang,
  route: WorkshopRoute | PlatformRoute,
  preview?: PreviewBundle,
): Promise<boolean> {
  if (site.kind === 'workshop' && !workshopPageShown(route.page as WorkshopRoute['page'], contentOf(site, lang))) {
    return false;
  }
  switch (route.page) {
    case 'post':
      return (await content.post(site, route.slug, preview)) !== undefined;
    case 'blog':
      return (
        route.pageNo === 1 || route.pageNo <= pageCount((await content.posts(site, 1, 1, preview)).total, BLOG_PER_PAGE)
      );
    case 'vehicle':
      return site.kind === 'workshop' && (await vehicleById(site.workshop.id, route.id)) !== undefined;
    default:
      return true;
  }
}
