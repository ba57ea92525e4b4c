/**
 * Whether a matched route names content that exists. Checked in the page's frontmatter, because the
 * status code can only be set before the page starts streaming (components render later).
 */
import { type PlatformRoute, pageCount, type WorkshopRoute } from '@carbot/core/sites/routes';
import * as content from './content.ts';
import { vehicleById } from './directus/index.ts';
import type { PreviewBundle } from './preview.ts';

export const BLOG_PER_PAGE = 6;

export async function routeExists(
  workshopId: string | null,
  route: WorkshopRoute | PlatformRoute,
  preview?: PreviewBundle,
): Promise<boolean> {
  switch (route.page) {
    case 'post':
      return (await content.post(workshopId, route.slug, preview)) !== undefined;
    case 'blog':
      return (
        route.pageNo === 1 ||
        route.pageNo <= pageCount((await content.posts(workshopId, 1, 1, preview)).total, BLOG_PER_PAGE)
      );
    case 'vehicle':
      return workshopId !== null && (await vehicleById(workshopId, route.id)) !== undefined;
    default:
      return true;
  }
}
