import { createPreset, readPresets } from '@directus/sdk';
import { layouts } from '../../schema/presets.ts';
import type { Client } from './directus-client.ts';

/** Creates the default table layouts that do not exist yet; returns how many were created. */
export async function applyLayoutDefaults(client: Client): Promise<number> {
  const existing = await client.request(
    readPresets({
      fields: ['collection'],
      filter: { user: { _null: true }, role: { _null: true }, bookmark: { _null: true } },
      limit: -1,
    }),
  );
  const have = new Set(existing.map((p) => p.collection));
  let created = 0;
  for (const layout of layouts.filter((l) => !have.has(l.collection))) {
    await client.request(
      createPreset({
        collection: layout.collection,
        layout: 'tabular',
        layout_query: { tabular: { fields: layout.fields, sort: layout.sort, page: 1 } },
        // The first column carries the name; give it room.
        layout_options: { tabular: { widths: layout.widths ?? { [layout.fields[0] as string]: 320 } } },
      }),
    );
    created += 1;
  }
  return created;
}
