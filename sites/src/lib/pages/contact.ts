import { WORKSHOP_PATHS } from '@carbot/core/sites/routes';
import * as content from '../content.ts';
import { servicePrices } from '../view.ts';
import { business, crumbs, type PageContext } from './context.ts';

export async function loadContact(ctx: PageContext<'contact'>) {
  const w = ctx.site.workshop;
  const services = await content.services(w.id, ctx.preview);
  return {
    seo: {
      title: ctx.t.contact,
      description: `${ctx.t.contact}: ${[w.street, w.postal_code, w.city].filter(Boolean).join(', ')} · ${w.phone ?? ''}`,
      jsonLd: [business(ctx, servicePrices(services)), crumbs(ctx, [[ctx.t.contact, WORKSHOP_PATHS.contact]])],
    },
  };
}
