import { diffIndex, type IndexRow } from '@carbot/core/chat/index-diff';
import type { Language } from '@carbot/core/chat/language';
import {
  faqPassage,
  fts5Query,
  type Passage,
  postPassage,
  servicePassage,
  tsQuery,
  vehiclePassage,
  workshopPassage,
} from '@carbot/core/chat/retrieval';
import { matchVehicles, type StockRow, type StockVehicle, toStock } from '@carbot/core/chat/vehicle-match';
import { parseVehicleQuery, type VehicleQuery } from '@carbot/core/chat/vehicle-query';
import { expand } from '@carbot/core/chat/vocabulary/expand';
import type { Knex } from 'knex';
// Type only: `npm run bench:chat` runs this file straight from source, where the bus's imports do not resolve.
import type { Bus } from './bus.js';

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
  stockCache.delete(workshopId);
  void announce?.(workshopId);
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

/**
 * Each workshop's cars for sale, as the search matches them (vehicle-match.ts): loaded once and kept for a
 * minute, dropped at once when this process reindexes the workshop (any change to its vehicles or the
 * workshop does), like the known prices — on every instance when the reindex is announced on the bus
 * (`shareReindexes`, Redis); without it a sold car may be offered for at most a minute by another
 * Directus instance, never outside the range asked for.
 */
const stockCache = new Map<string, { at: number; stock: Promise<StockVehicle[]> }>();
const STOCK_TTL_MS = 60_000;
const STOCK_WORKSHOPS = 500;

function stockOf(db: Knex, workshopId: string): Promise<StockVehicle[]> {
  const cached = stockCache.get(workshopId);
  if (cached && Date.now() - cached.at < STOCK_TTL_MS) return cached.stock;
  const stock = db('vehicles')
    .select(
      'vehicles.id',
      'vehicles.make',
      'vehicles.model',
      'vehicles.variant',
      'vehicles.year',
      'vehicles.mileage_km',
      'vehicles.fuel',
      'vehicles.transmission',
      'vehicles.price',
      'vehicles.status',
    )
    .join('workshops', 'workshops.id', 'vehicles.workshop')
    .where('vehicles.workshop', workshopId)
    // What the index holds: an unpublished workshop's assistant knows no vehicles.
    .where('workshops.status', 'published')
    .whereIn('vehicles.status', ['available', 'reserved'])
    .then((rows: StockRow[]) => toStock(rows));
  // A failed load is not kept: the next question tries again.
  stock.catch(() => stockCache.delete(workshopId));
  stockCache.delete(workshopId);
  stockCache.set(workshopId, { at: Date.now(), stock });
  // Bounded: the stock loaded longest ago goes first.
  if (stockCache.size > STOCK_WORKSHOPS) stockCache.delete(stockCache.keys().next().value as string);
  return stock;
}

async function vehicleSearch(db: Knex, workshopId: string, wanted: VehicleQuery): Promise<Passage[]> {
  return matchVehicles(await stockOf(db, workshopId), wanted).map((v) => vehiclePassage(v.id, v));
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
let announce: ((workshop: string) => Promise<void>) | null = null;

/**
 * The index itself is in the database and shared; the price and stock caches are per process. A reindex
 * on one instance is announced on the bus and every instance drops that workshop's caches; one cut off from the
 * bus drops all when it is back. Without Redis the bus is this process, and the TTL bounds the rest.
 */
export function shareReindexes(bus: Bus, channel: string) {
  announce = (workshop) => bus.publish(channel, { workshop });
  bus.subscribe(
    channel,
    (message) => {
      const workshop = (message as { workshop?: unknown } | null)?.workshop;
      if (typeof workshop !== 'string') return;
      priceCache.delete(workshop);
      stockCache.delete(workshop);
    },
    () => {
      priceCache.clear();
      stockCache.clear();
    },
  );
}

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

/**
 * The passages as the visitor reads them in `language`: labels, day and fuel names in that language, and
 * the workshop's own texts (services, FAQ, posts) from their translation in that language where one
 * exists (written by the owner or by machine translation), else as written. Prices stay what the index
 * says, so the price guard knows every amount. German passages are returned as they are.
 */
export async function localize(db: Knex, passages: Passage[], language: Language): Promise<Passage[]> {
  if (language === 'de' || passages.length === 0) return passages;
  const ids = (kind: Passage['kind']) => passages.filter((p) => p.kind === kind).map((p) => p.sourceId);
  const rowsOf = async (table: string, kind: Passage['kind']) => {
    const wanted = ids(kind);
    return wanted.length ? new Map((await db(table).whereIn('id', wanted)).map((r) => [String(r.id), r])) : new Map();
  };
  // The translation in the conversation's language where there is one, else the German text.
  const translationsOf = async (table: string, field: string, kind: Passage['kind']) => {
    const wanted = ids(kind);
    const texts = new Map<string, Record<string, unknown>>();
    if (!wanted.length) return texts;
    const rows: Record<string, unknown>[] = await db(table)
      .whereIn(field, wanted)
      .whereIn('languages_code', [language, 'de']);
    for (const r of rows) if (r.languages_code === 'de') texts.set(String(r[field]), r);
    for (const r of rows) if (r.languages_code === language) texts.set(String(r[field]), r);
    return texts;
  };
  const [services, serviceTexts, faqTexts, postTexts, vehicles, workshops] = await Promise.all([
    rowsOf('services', 'service'),
    translationsOf('services_translations', 'services_id', 'service'),
    translationsOf('faqs_translations', 'faqs_id', 'faq'),
    translationsOf('posts_translations', 'posts_id', 'post'),
    rowsOf('vehicles', 'vehicle'),
    rowsOf('workshops', 'workshop'),
  ]);
  return passages.map((p) => {
    const id = p.sourceId;
    if (p.kind === 'service') {
      const s = services.get(id);
      const t = serviceTexts.get(id);
      if (!s || !t?.name) return p;
      const text = { name: String(t.name), description: (t.description as string | null) ?? null };
      const built = servicePassage(id, text, s.price, Boolean(s.price_from), s.duration_minutes, language);
      return { ...built, prices: p.prices };
    }
    if (p.kind === 'faq') {
      const t = faqTexts.get(id);
      return t?.question ? { ...p, title: String(t.question), body: String(t.answer ?? '') } : p;
    }
    if (p.kind === 'post') {
      const t = postTexts.get(id);
      return t?.title ? { ...p, title: String(t.title), body: String(t.excerpt ?? '') } : p;
    }
    if (p.kind === 'vehicle') {
      const v = vehicles.get(id);
      return v ? { ...vehiclePassage(id, v, language), prices: p.prices } : p;
    }
    const w = workshops.get(id);
    if (!w) return p;
    const hours = typeof w.opening_hours === 'string' ? JSON.parse(w.opening_hours) : w.opening_hours;
    return workshopPassage({ ...w, opening_hours: hours }, language);
  });
}

export async function contactPassage(db: Knex, workshopId: string): Promise<Passage | undefined> {
  const row = await db('carbot_search').select(COLUMNS).where({ workshop: workshopId, kind: 'workshop' }).first();
  return row ? toPassage(row) : undefined;
}
