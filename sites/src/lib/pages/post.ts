import { translate } from '@carbot/core/sites/i18n';
import { blogPosting } from '@carbot/core/sites/jsonld';
import { postPath, WORKSHOP_PATHS } from '@carbot/core/sites/routes';
import { plainExcerpt } from '@carbot/core/sites/seo';
import * as content from '../content.ts';
import { crumbs, type PageContext } from './context.ts';

export async function loadPost(ctx: PageContext<'post'>) {
  const post = await content.post(ctx.site, ctx.route.slug, ctx.preview);
  if (!post) return null;
  const text = translate(post.translations, ctx.lang);
  const w = ctx.site.workshop;
  const title = text.seo_title || text.title || w.name;
  const description = text.seo_description || text.excerpt || plainExcerpt(text.content);
  return {
    post,
    text,
    seo: {
      title,
      description,
      ogType: 'article' as const,
      jsonLd: [
        blogPosting({
          url: ctx.abs(postPath(post.slug)),
          title: text.title ?? '',
          description,
          published: post.published_at,
          modified: post.date_updated,
          author: post.author,
          publisher: w.name,
          lang: ctx.lang,
        }),
        crumbs(ctx, [
          [ctx.t.blog, WORKSHOP_PATHS.blog],
          [text.title ?? '', postPath(post.slug)],
        ]),
      ],
    },
  };
}
