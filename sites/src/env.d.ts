/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    site: import('./lib/directus/index.ts').Site;
  }
}
