import { pageCount, WORKSHOP_PATHS } from '@carbot/core/sites/routes';
import * as content from '../content.ts';
import { BLOG_PER_PAGE } from '../exists.ts';
import { crumbs, type PageContext } from './context.ts';

export async function loadBlog(ctx: PageContext<'blog'>) {
  const { t, route } = ctx;
  const page = await content.posts(ctx.site, route.pageNo, BLOG_PER_PAGE, ctx.preview);
  const pages = pageCount(page.total, BLOG_PER_PAGE);
  if (route.pageNo > pages) return null;
  return {
    posts: page.posts,
    pageNo: route.pageNo,
    pages,
    seo: {
      title: route.pageNo > 1 ? `${t.blog} – ${t.page} ${route.pageNo}` : t.blog,
      description: `${t.latestPosts} – ${ctx.site.workshop.name}`,
      jsonLd: [crumbs(ctx, [[t.blog, WORKSHOP_PATHS.blog]])],
    },
  };
}
