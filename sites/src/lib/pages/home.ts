import { nextOfferChange, offerShown } from '@carbot/core/sites/offers';
import * as content from '../content.ts';
import { offersOf, photosOf, testimonialsOf } from '../directus/index.ts';
import { servicePrices } from '../view.ts';
import { business, defaultDescription, type PageContext } from './context.ts';

export async function loadHome(ctx: PageContext<'home'>) {
  const id = ctx.site.workshop.id;
  const [services, latest, photos, testimonials, offers] = await Promise.all([
    content.services(id, ctx.preview),
    content.posts(ctx.site, 1, 3, ctx.preview),
    photosOf(id),
    testimonialsOf(id),
    offersOf(id),
  ]);
  const now = new Date();
  return {
    services,
    posts: latest.posts,
    photos,
    testimonials,
    offers: offers.filter((o) => offerShown(o, now)),
    // The cached page lasts until an offer begins or ends (core/sites/offers).
    expiresAt: nextOfferChange(offers, now),
    seo: {
      title: ctx.site.workshop.name,
      description: defaultDescription(ctx),
      jsonLd: [business(ctx, servicePrices(services))],
    },
  };
}
