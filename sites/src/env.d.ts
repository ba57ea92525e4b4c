/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    site: import('./lib/site.ts').Site;
    /** The origin the request came in on (proxy headers only when trusted). */
    origin: string;
    /** Draft content for a valid preview link; absent on every normal request. */
    preview?: import('./lib/preview.ts').PreviewBundle;
    /** The preview link's token on a preview request: image addresses carry it (core/sites/images). */
    previewToken?: string;
    /** The front server's page cache (sites/server.ts); absent under `astro dev`, where nothing is cached. */
    pageCache?: import('@carbot/core/sites/cache').PageCache;
    /** Where the front server looks this request's page up; null when it must not be cached. */
    cacheKey?: string | null;
    /** Counts this request as a page view of the workshop (sites/server.ts decides whether it is countable). */
    countView?: (workshop: string) => void;
  }
}
