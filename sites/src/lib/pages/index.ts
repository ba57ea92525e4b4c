/**
 * Workshop page types → their loaders. [...path].astro runs the loader before the page starts streaming,
 * so a loader that finds nothing (null) still makes a 404 status.
 */
import type { WorkshopRoute } from '@carbot/core/sites/routes';
import { loadAbout } from './about.ts';
import { loadBlog } from './blog.ts';
import { loadContact } from './contact.ts';
import type { Loaded, PageContext } from './context.ts';
import { loadFaq } from './faq.ts';
import { loadHome } from './home.ts';
import { loadLegal } from './legal.ts';
import { loadPost } from './post.ts';
import { loadServices } from './services.ts';
import { loadVehicle } from './vehicle.ts';
import { loadVehicles } from './vehicles.ts';

type Page = WorkshopRoute['page'];

const LOADERS = {
  home: loadHome,
  services: loadServices,
  about: loadAbout,
  contact: loadContact,
  faq: loadFaq,
  blog: loadBlog,
  post: loadPost,
  vehicles: loadVehicles,
  vehicle: loadVehicle,
  imprint: loadLegal,
  privacy: loadLegal,
  terms: loadLegal,
} satisfies { [P in Page]: (ctx: PageContext<P>) => Promise<Loaded<object>> };

export type PageData<P extends Page> = NonNullable<Awaited<ReturnType<(typeof LOADERS)[P]>>>;
type Loader<P extends Page> = (ctx: PageContext<P>) => Promise<Loaded<object>>;

/** The page's data and SEO, or null when the page does not exist. */
export function loadPage(ctx: PageContext): Promise<Loaded<object>> {
  // The table's `satisfies` checks each entry against its own page; looked up by a runtime key, TypeScript
  // only knows it takes some page's context — which is this one's, by the key.
  const load = LOADERS[ctx.route.page] as Loader<Page>;
  return load(ctx);
}
