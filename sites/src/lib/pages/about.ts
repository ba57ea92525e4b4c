import { WORKSHOP_PATHS } from '@carbot/core/sites/routes';
import { plainExcerpt } from '@carbot/core/sites/seo';
import { workshopText } from '../view.ts';
import { crumbs, defaultDescription, type PageContext } from './context.ts';

export async function loadAbout(ctx: PageContext<'about'>) {
  const text = workshopText(ctx.site.workshop, ctx.lang);
  return {
    text,
    seo: {
      title: ctx.t.about,
      description: plainExcerpt(text.about) || defaultDescription(ctx),
      jsonLd: [crumbs(ctx, [[ctx.t.about, WORKSHOP_PATHS.about]])],
    },
  };
}
