/**
 * `npm run build`: the chat widget, the Directus extensions and the site server, side by side. Each
 * `dist/` is stamped with its sources' fingerprint, so the `npm start` that follows builds nothing.
 */
import { BUILDS, buildIfStale } from './lib/processes.ts';

await Promise.all(Object.values(BUILDS).map((build) => buildIfStale(build, true)));
