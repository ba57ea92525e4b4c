/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    site: import('./lib/site.ts').Site;
    /** The origin the request came in on (proxy headers only when trusted). */
    origin: string;
    /** Draft content for a valid preview link; absent on every normal request. */
    preview?: import('./lib/preview.ts').PreviewBundle;
  }
}
