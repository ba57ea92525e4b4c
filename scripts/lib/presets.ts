import { createPresets, readPresets } from '@directus/sdk';
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
  const marks = await client.request(
    readPresets({ fields: ['bookmark'], filter: { bookmark: { _nnull: true }, user: { _null: true } }, limit: -1 }),
  );
  const named = new Set(marks.map((p) => p.bookmark));
  const missing = [
    ...layouts.filter((l) => !have.has(l.collection)).map(presetOf),
    ...bookmarks
      .filter((b) => !named.has(b.bookmark))
      .map((mark) => ({
        ...presetOf(mark),
        layout: 'tabular',
        bookmark: mark.bookmark,
        icon: mark.icon,
        filter: mark.filter,
      })),
  ];
  // One request for all of them: on a new installation every preset is missing.
  if (missing.length > 0) await client.request(createPresets(missing));
  return missing.length;
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
