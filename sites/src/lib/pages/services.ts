import { WORKSHOP_PATHS } from '@carbot/core/sites/routes';
import * as content from '../content.ts';
import { crumbs, type PageContext } from './context.ts';

export async function loadServices(ctx: PageContext<'services'>) {
  const { t, site } = ctx;
  return {
    services: await content.services(site.workshop.id, ctx.preview),
    seo: {
      title: t.services,
      description: `${t.ourServices} – ${site.workshop.name}, ${site.workshop.city ?? ''}`,
      jsonLd: [crumbs(ctx, [[t.services, WORKSHOP_PATHS.services]])],
    },
  };
}
