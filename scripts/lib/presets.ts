import { createPreset, readPresets } from '@directus/sdk';
import { bookmarks, type LayoutDefault, layouts } from '../../schema/presets.ts';
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
    await client.request(createPreset(presetOf(layout)));
    created += 1;
  }
  const marks = await client.request(
    readPresets({ fields: ['bookmark'], filter: { bookmark: { _nnull: true }, user: { _null: true } }, limit: -1 }),
  );
  const named = new Set(marks.map((p) => p.bookmark));
  for (const mark of bookmarks.filter((b) => !named.has(b.bookmark))) {
    await client.request(
      createPreset({
        ...presetOf(mark),
        layout: 'tabular',
        bookmark: mark.bookmark,
        icon: mark.icon,
        filter: mark.filter,
      }),
    );
    created += 1;
  }
  return created;
}

function presetOf(layout: LayoutDefault) {
  const table = {
    tabular: { fields: layout.fields, sort: layout.sort, page: 1 },
  };
  // The first column carries the name; give it room.
  const widths = { tabular: { widths: layout.widths ?? { [layout.fields[0] as string]: 320 } } };
  if (!layout.calendar)
    return { collection: layout.collection, layout: 'tabular', layout_query: table, layout_options: widths };
  return {
    collection: layout.collection,
    layout: 'calendar',
    layout_query: table,
    layout_options: {
      ...widths,
      calendar: {
        startDateField: layout.calendar.start,
        endDateField: layout.calendar.end,
        template: layout.calendar.template,
        viewInfo: { type: 'timeGridWeek' },
        firstDay: 1,
      },
    },
  };
}
