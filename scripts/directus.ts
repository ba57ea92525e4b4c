/**
 * Directus's command line (`node scripts/directus.ts bootstrap|start|…`) without the update check of the
 * `directus` binary, which asks the npm registry before every command — seconds on a slow or closed
 * network — and prints an "Update available" banner urging the move to Directus 12 that CarBot
 * deliberately does not make (see README, "Why Directus 11").
 */
// @ts-expect-error: the CLI entry ships without type declarations; it is run, not called.
await import('@directus/api/cli/run.js');
