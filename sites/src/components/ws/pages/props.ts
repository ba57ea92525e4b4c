import type { WorkshopRoute } from '@carbot/core/sites/routes';
import type { PageContext } from '../../../lib/pages/context.ts';
import type { PageData } from '../../../lib/pages/index.ts';

/** What [...path].astro hands every workshop page component: its context and what its loader found. */
export type PageProps<P extends WorkshopRoute['page']> = { ctx: PageContext<P>; data: PageData<P> };
