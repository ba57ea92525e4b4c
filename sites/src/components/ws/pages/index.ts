/** Workshop page types → their components (each gets its loader's data from [...path].astro). */
import type { WorkshopRoute } from '@carbot/core/sites/routes';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import About from './About.astro';
import Blog from './Blog.astro';
import Contact from './Contact.astro';
import Faq from './Faq.astro';
import Home from './Home.astro';
import Legal from './Legal.astro';
import Post from './Post.astro';
import Services from './Services.astro';
import Vehicle from './Vehicle.astro';
import Vehicles from './Vehicles.astro';

const WORKSHOP_PAGES = {
  home: Home,
  services: Services,
  about: About,
  contact: Contact,
  faq: Faq,
  blog: Blog,
  post: Post,
  vehicles: Vehicles,
  vehicle: Vehicle,
  imprint: Legal,
  privacy: Legal,
  terms: Legal,
} satisfies Record<WorkshopRoute['page'], unknown>;

/** A page's component for [...path].astro, which hands it the data of the same page's loader. */
export const workshopPage = (page: WorkshopRoute['page']): AstroComponentFactory => WORKSHOP_PAGES[page];
