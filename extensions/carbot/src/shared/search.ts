import { diffIndex, type IndexRow } from '@carbot/core/chat/index-diff';
import type { Language } from '@carbot/core/chat/language';
import {
  faqPassage,
  fts5Query,
  type Passage,
  postPassage,
  servicePassage,
  tsQuery,
  type VehicleFacts,
  vehiclePassage,
  workshopPassage,
} from '@carbot/core/chat/retrieval';
import { type Body, parseVehicleQuery, type VehicleQuery } from '@carbot/core/chat/vehicle-query';
import { expand } from '@carbot/core/chat/vocabulary/expand';
import type { Knex } from 'knex';

/**
 * The chat's full-text index (table `carbot_search`, created by a migration): writes passages for a
 * workshop's published content and searches them. Runs on the request's database connection; it is
 * always scoped to one workshop explicitly.
 */

const isSqlite = (db: Knex) => db.client.config.client === 'sqlite3';

type Translation = Record<string, unknown> & { languages_code: string };
const germanOf = (rows: Translation[], parentField: string, id: string) =>
  rows.find((r) => r[parentField] === id && r.languages_code === 'de') ?? rows.find((r) => r[parentField] === id);

/** Every passage of one workshop, built from what is published right now. */
export async function passagesOfWorkshop(
  db: Knex,
  workshopId: string,
): Promise<{ tenant: string; passages: Passage[] } | null> {
  const workshop = await db('workshops').where('id', workshopId).first();
  if (!workshop) return null;
  // An unpublished workshop keeps an empty index: its assistant knows nothing that is not public.
  if (workshop.status !== 'published') return { tenant: workshop.tenant, passages: [] };
  const hours =
    typeof workshop.opening_hours === 'string' ? JSON.parse(workshop.opening_hours) : workshop.opening_hours;
  const passages: Passage[] = [workshopPassage({ ...workshop, opening_hours: hours })];

  const services = await db('services').where({ workshop: workshopId, status: 'published' });
  const serviceTexts = await db('services_translations').whereIn(
    'services_id',
    services.map((s) => s.id),
  );
  for (const s of services) {
    const t = germanOf(serviceTexts, 'services_id', s.id);
    if (t?.name)
      passages.push(
        servicePassage(
          s.id,
          { name: String(t.name), description: t.description as string | null },
          s.price,
          Boolean(s.price_from),
          s.duration_minutes,
        ),
      );
  }
  const faqs = await db('faqs').where({ workshop: workshopId, status: 'published' });
  const faqTexts = await db('faqs_translations').whereIn(
    'faqs_id',
    faqs.map((f) => f.id),
  );
  for (const f of faqs) {
    const t = germanOf(faqTexts, 'faqs_id', f.id);
    if (t?.question) passages.push(faqPassage(f.id, String(t.question), String(t.answer ?? '')));
  }
  const posts = await db('posts').where({ workshop: workshopId, status: 'published' });
  const postTexts = await db('posts_translations').whereIn(
    'posts_id',
    posts.map((p) => p.id),
  );
  for (const p of posts) {
    const t = germanOf(postTexts, 'posts_id', p.id);
    if (t?.title) passages.push(postPassage(p.id, p.slug, String(t.title), t.excerpt as string | null));
  }
  const vehicles = await db('vehicles').where('workshop', workshopId).whereIn('status', ['available', 'reserved']);
  for (const v of vehicles) passages.push(vehiclePassage(v.id, v));
  return { tenant: workshop.tenant, passages };
}

/**
 * Brings the index of one workshop up to date in a single transaction, writing only the passages
 * that changed (see `diffIndex`).
 */
export async function reindexWorkshop(db: Knex, workshopId: string): Promise<number> {
  const built = await passagesOfWorkshop(db, workshopId);
  // FTS5 tables have no id column of their own; their rowid is the stable key.
  const id = isSqlite(db) ? 'rowid' : 'id';
  await db.transaction(async (trx) => {
    const stored: IndexRow[] = await trx('carbot_search')
      .select({ id }, 'tenant', 'kind', 'source_id', 'title', 'body', 'path', 'prices')
      .where('workshop', workshopId);
    const diff = diffIndex(stored, built?.tenant ?? '', built?.passages ?? []);
    for (let i = 0; i < diff.remove.length; i += 500)
      await trx('carbot_search')
        .whereIn(id, diff.remove.slice(i, i + 500))
        .delete();
    for (const { id: rowId, row } of diff.update) await trx('carbot_search').where(id, rowId).update(row);
    const inserts = diff.insert.map((row) => ({ ...row, workshop: workshopId }));
    for (let i = 0; i < inserts.length; i += 200) await trx('carbot_search').insert(inserts.slice(i, i + 200));
  });
  priceCache.delete(workshopId);
  return built?.passages.length ?? 0;
}

type Row = { kind: string; source_id: string; title: string; body: string; path: string; prices: string };
const COLUMNS = ['kind', 'source_id', 'title', 'body', 'path', 'prices'];
const toPassage = (r: Row): Passage => ({
  kind: r.kind as Passage['kind'],
  sourceId: r.source_id,
  title: r.title,
  body: r.body,
  path: r.path,
  prices: r.prices ? r.prices.split(',').map(Number) : [],
});

/**
 * Best passages of a workshop for a question, in any of the four languages. A question about cars for
 * sale with a make, fuel, body or a range ("unter 20.000 €", "20 bin altında") is answered from the
 * vehicles that fit, before the full-text hits; a vehicle outside the asked range is never among them.
 */
export async function search(
  db: Knex,
  workshopId: string,
  question: string,
  _language: Language,
  limit = 6,
): Promise<Passage[]> {
  const wanted = parseVehicleQuery(question);
  const text = await textSearch(db, workshopId, question, limit);
  if (!wanted.about) return text;
  const ranged = Boolean(wanted.price || wanted.mileage || wanted.year);
  // "Ölwechsel für meinen BMW" and "Arabamın bakımı" are about a service, not about cars for sale.
  const service = expand(question).some((m) => !m.concept.vehicle && m.concept.search.length > 0);
  if (service && !ranged) return text;
  const vehicles = await vehicleSearch(db, workshopId, wanted);
  const others = text.filter((p) => p.kind !== 'vehicle');
  // With a range, only the vehicles that fit it; without, the full-text ones may add what the filter missed.
  const rest = ranged || vehicles.length ? others : text;
  return [...vehicles, ...rest].slice(0, limit);
}

/** Words in a model's name or variant that tell its body, where the data has no body column. */
const BODY_HINTS: Record<Body, string[]> = {
  estate: ['variant', 'touring', 'avant', 'kombi', 'combi', 'tourer', 'estate', 'sw', 'break', 'sportswagon'],
  suv: [
    'tiguan',
    't-roc',
    'taigo',
    'touareg',
    'id.4',
    'id.5',
    'kona',
    'tucson',
    'ioniq 5',
    'model y',
    'model x',
    'x1',
    'x2',
    'x3',
    'x5',
    'ix',
    'q2',
    'q3',
    'q4',
    'q5',
    'q7',
    'q8',
    'kuga',
    'puma',
    'sportage',
    'niro',
    'ev6',
    'karoq',
    'kodiaq',
    'kamiq',
    'enyaq',
    'mokka',
    'grandland',
    'crossland',
    'duster',
    'yaris cross',
    'rav4',
    'c-hr',
    'glc',
    'gla',
    'glb',
    'eqa',
    'eqb',
    'xc40',
    'xc60',
    'xc90',
    'captur',
    'qashqai',
    'juke',
    '2008',
    '3008',
    '5008',
    'ateca',
    'arona',
    'formentor',
    'macan',
    'cayenne',
  ],
  sedan: [
    'limousine',
    'sedan',
    'a4',
    'a6',
    '3er',
    '320',
    '330',
    '5er',
    'c-klasse',
    'e-klasse',
    'passat',
    'octavia',
    'model 3',
    'superb',
  ],
  small: [
    'polo',
    'up',
    'fabia',
    'corsa',
    'fiesta',
    'clio',
    'yaris',
    'i10',
    'i20',
    'picanto',
    'sandero',
    'ibiza',
    'a1',
    'mini',
    'zoe',
    '208',
    'c3',
    'id.3',
    'golf',
  ],
  convertible: ['cabrio', 'cabriolet', 'roadster', 'spider', 'spyder'],
  van: [
    'touran',
    'sharan',
    'transporter',
    'caddy',
    'multivan',
    'zafira',
    'galaxy',
    's-max',
    'tourneo',
    'vito',
    'v-klasse',
    'berlingo',
    'rifter',
    'kangoo',
    'id. buzz',
  ],
  coupe: ['coupe', 'coupé', 'gt', '911', 'tt'],
};

async function vehicleSearch(db: Knex, workshopId: string, wanted: VehicleQuery): Promise<Passage[]> {
  const run = async (withModel: boolean) => {
    const q = db('vehicles')
      .select('vehicles.*')
      .join('workshops', 'workshops.id', 'vehicles.workshop')
      .where('vehicles.workshop', workshopId)
      // What the index holds: an unpublished workshop's assistant knows no vehicles.
      .where('workshops.status', 'published')
      .whereIn('vehicles.status', ['available', 'reserved']);
    if (wanted.make) q.whereRaw(`lower(vehicles.make) in (${wanted.make.map(() => '?').join(', ')})`, wanted.make);
    if (withModel && wanted.model) {
      const model = wanted.model.toLowerCase();
      q.where((w) =>
        w
          .whereRaw('lower(vehicles.model) like ?', [`${model}%`])
          .orWhereRaw('lower(vehicles.model) like ?', [`% ${model}%`]),
      );
    }
    if (wanted.fuel) q.whereIn('vehicles.fuel', wanted.fuel);
    if (wanted.transmission) q.where('vehicles.transmission', wanted.transmission);
    if (wanted.body) {
      const hints = BODY_HINTS[wanted.body];
      const name = `(' ' || lower(vehicles.model || ' ' || coalesce(vehicles.variant, '')) || ' ')`;
      q.where((w) => {
        for (const hint of hints) w.orWhereRaw(`${name} like ?`, [`% ${hint}%`]);
      });
    }
    for (const [column, range] of [
      ['price', wanted.price],
      ['mileage_km', wanted.mileage],
      ['year', wanted.year],
    ] as const) {
      if (range?.min !== undefined) q.where(`vehicles.${column}`, '>=', range.min);
      if (range?.max !== undefined) q.where(`vehicles.${column}`, '<=', range.max);
    }
    // Under a budget the best car that fits it first; otherwise the most affordable.
    q.orderBy('vehicles.price', wanted.price?.max !== undefined ? 'desc' : 'asc').limit(3);
    return (await q) as (VehicleFacts & { id: string })[];
  };
  let rows = await run(true);
  // The word after the make was not a model after all ("BMW in Schwarz"): the make alone.
  if (rows.length === 0 && wanted.model) rows = await run(false);
  return rows.map((v) => vehiclePassage(v.id, v));
}

async function textSearch(db: Knex, workshopId: string, question: string, limit: number): Promise<Passage[]> {
  let hits: Row[] = [];
  if (isSqlite(db)) {
    const match = fts5Query(question);
    if (match) {
      hits = await db('carbot_search')
        .select(COLUMNS)
        .where('workshop', workshopId)
        .whereRaw('carbot_search MATCH ?', [match])
        .orderByRaw('bm25(carbot_search, 10.0, 1.0)')
        .limit(limit);
    }
  } else {
    const query = tsQuery(question);
    if (query) {
      hits = await db('carbot_search')
        .select(COLUMNS)
        .where('workshop', workshopId)
        .whereRaw(`tsv @@ to_tsquery('german', ?)`, [query])
        .orderByRaw(`ts_rank(tsv, to_tsquery('german', ?)) DESC`, [query])
        .limit(limit);
    }
  }
  return hits.map(toPassage);
}

const priceCache = new Map<string, { at: number; prices: ReadonlySet<number> }>();
const PRICE_TTL_MS = 60_000;

/**
 * Every price the workshop states (services and vehicles), in cents: what the price guard allows.
 * Cached per workshop for a minute, and dropped at once when this process reindexes the workshop.
 */
export async function knownPrices(db: Knex, workshopId: string): Promise<ReadonlySet<number>> {
  const cached = priceCache.get(workshopId);
  if (cached && Date.now() - cached.at < PRICE_TTL_MS) return cached.prices;
  const rows: { prices: string }[] = await db('carbot_search')
    .select('prices')
    .where('workshop', workshopId)
    .whereNot('prices', '');
  const prices: ReadonlySet<number> = new Set(rows.flatMap((r) => r.prices.split(',').map(Number)));
  priceCache.set(workshopId, { at: Date.now(), prices });
  return prices;
}

export async function contactPassage(db: Knex, workshopId: string): Promise<Passage | undefined> {
  const row = await db('carbot_search').select(COLUMNS).where({ workshop: workshopId, kind: 'workshop' }).first();
  return row ? toPassage(row) : undefined;
}
