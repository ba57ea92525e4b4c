import { Readable } from 'node:stream';
import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { publicUrl } from './http.js';
import { type SyncContext, syncSettings } from './sync-feed.js';

type FilesService = new (options: {
  schema: SchemaOverview;
  accountability: unknown;
}) => {
  uploadOne(stream: Readable, data: Record<string, unknown>): Promise<string | number>;
};
type Extension = {
  services: unknown;
  getSchema: () => Promise<SchemaOverview>;
  database: unknown;
  env: Record<string, unknown>;
  emitter: { emitAction(event: string | string[], meta: Record<string, unknown>, context: unknown): void };
};

/** What a sync run needs from Directus: its database, file import, and the event the rest listens to. */
export function syncContext(ext: Extension): SyncContext {
  const storage =
    String(ext.env.STORAGE_LOCATIONS ?? 'local')
      .split(',')[0]
      ?.trim() || 'local';
  const Files = (ext.services as { FilesService: FilesService }).FilesService;
  return {
    db: ext.database as Knex,
    adminUrl: `${publicUrl(ext.env)}/admin`,
    settings: syncSettings(ext.env),
    importFile: async (body, meta) => {
      const schema = await ext.getSchema();
      // system: the sync imports a dealer's photos into that dealer's tenant; no user is acting.
      const files = new Files({ schema, accountability: null });
      const data = {
        storage,
        filename_download: meta.filename,
        type: meta.type,
        title: meta.title,
        tenant: meta.tenant,
      };
      return String(await files.uploadOne(Readable.from([body]), data));
    },
    // Site caches (site-purge) and the assistant's search index (search-index) follow vehicle updates;
    // the sync writes through the database directly, so it announces what it wrote, once per run.
    announce: async (keys) => {
      const schema = await ext.getSchema();
      // system: the sync wrote these vehicles itself.
      const context = { database: ext.database, schema, accountability: null };
      ext.emitter.emitAction(
        ['items.update', 'vehicles.items.update'],
        { collection: 'vehicles', keys, payload: {} },
        context,
      );
    },
  };
}
