import { PageCache } from '@carbot/core/sites/cache';

/** One cache per site-server process; several processes each purge their own (the hook calls them all). */
export const pageCache = new PageCache(Number(process.env.SITES_CACHE_ENTRIES ?? 5000));
