import { translate } from '@carbot/core/sites/i18n';
import { faqPage } from '@carbot/core/sites/jsonld';
import { WORKSHOP_PATHS } from '@carbot/core/sites/routes';
import { plainExcerpt } from '@carbot/core/sites/seo';
import * as content from '../content.ts';
import { crumbs, defaultDescription, type PageContext } from './context.ts';

export async function loadFaq(ctx: PageContext<'faq'>) {
  const faqs = (await content.faqs(ctx.site, ctx.preview)).map((f) => ({
    id: f.id,
    ...translate(f.translations, ctx.lang),
  }));
  return {
    faqs,
    seo: {
      title: ctx.t.faqTitle,
      description: defaultDescription(ctx),
      jsonLd: [
        faqPage(faqs.map((f) => ({ question: f.question ?? '', answer: plainExcerpt(f.answer, 2000) }))),
        crumbs(ctx, [[ctx.t.faq, WORKSHOP_PATHS.faq]]),
      ],
    },
  };
}
