import { defaultDescription, type PageContext } from './context.ts';

const TITLE = { imprint: 'imprint', privacy: 'privacy', terms: 'terms' } as const;

export async function loadLegal<P extends 'imprint' | 'privacy' | 'terms'>(ctx: PageContext<P>) {
  return {
    kind: ctx.route.page,
    seo: { title: ctx.t[TITLE[ctx.route.page]], description: defaultDescription(ctx), jsonLd: [] },
  };
}
