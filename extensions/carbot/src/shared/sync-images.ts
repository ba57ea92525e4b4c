import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type { Feed } from './sync-run.js';
import { checkFetchUrl } from './sync-url.js';

/**
 * Vehicle photos from feed URLs into Directus files. Each URL is fetched once per tenant: the cache row
 * (URL → file, ETag, content hash) means an image already imported is never downloaded again, and a new
 * URL whose content equals a known image reuses that file. Downloads go in feed order, a few at a time,
 * each with a timeout and a size limit; a broken image is reported and retried a day later, and never
 * rejects its vehicle.
 */

export type ImageOptions = { concurrency: number; timeoutMs: number; maxBytes: number; allowPrivate: boolean };
export type ImageProblem = { external_id: string; url: string; message: string };
export type ImageResult = { downloaded: number; reused: number; problems: ImageProblem[]; changed: string[] };

type CacheRow = {
  url_hash: string;
  url: string;
  file: string | null;
  sha256: string | null;
  etag: string | null;
  fetched_at: unknown;
};
export type FileImporter = (
  body: Buffer,
  meta: { tenant: string; filename: string; type: string; title: string },
) => Promise<string>;

const RETRY_BROKEN_MS = 24 * 3600_000;
const urlHash = (url: string) => createHash('sha256').update(url).digest('hex');
const TABLE = 'carbot_sync_images';

const parseList = (v: unknown): string[] => {
  try {
    const parsed = typeof v === 'string' ? JSON.parse(v) : v;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
};

async function fetchImage(
  url: string,
  options: ImageOptions,
): Promise<{ body: Buffer; type: string; etag: string | null }> {
  await checkFetchUrl(url, options.allowPrivate);
  const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' });
  if (!res.ok) throw new Error(`Bild nicht abrufbar (HTTP ${res.status}).`);
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!/^image\/(jpeg|png|webp|gif|avif)$/.test(type)) throw new Error(`Keine Bilddatei (${type || 'ohne Typ'}).`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > options.maxBytes) throw new Error('Bild zu groß.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body ?? Readable.from([])) {
    size += (chunk as Uint8Array).byteLength;
    if (size > options.maxBytes) throw new Error('Bild zu groß.');
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return { body: Buffer.concat(chunks, size), type, etag: res.headers.get('etag') };
}

const fileName = (url: string, type: string): string => {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? 'bild';
  const base = last.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80) || 'bild';
  return /\.[a-z]{3,4}$/i.test(base) ? base : `${base}.${type.split('/')[1] ?? 'jpg'}`;
};

/** Runs `work` over `items` in order with at most `limit` at a time. */
async function inOrder<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function syncImages(
  db: Knex,
  feed: Feed,
  importFile: FileImporter,
  options: ImageOptions,
): Promise<ImageResult> {
  const result: ImageResult = { downloaded: 0, reused: 0, problems: [], changed: [] };
  const vehicles = (await db('vehicles')
    .select('id', 'external_id', 'images', 'cover_image')
    .where('feed', feed.id)
    .whereNot('status', 'sold')
    .orderBy('date_created')
    .orderBy('external_id')) as { id: string; external_id: string; images: unknown; cover_image: string | null }[];
  const cache = new Map<string, CacheRow>();
  for (const row of (await db(TABLE)
    .select('url_hash', 'url', 'file', 'sha256', 'etag', 'fetched_at')
    .where('tenant', feed.tenant)) as CacheRow[])
    cache.set(row.url_hash, row);
  const bySha = new Map<string, string>();
  for (const row of cache.values()) if (row.sha256 && row.file) bySha.set(row.sha256, row.file);

  const now = Date.now();
  const wanted: { url: string; external_id: string }[] = [];
  const queued = new Set<string>();
  for (const v of vehicles) {
    for (const url of parseList(v.images)) {
      const hit = cache.get(urlHash(url));
      const retry = hit && !hit.file && now - new Date(String(hit.fetched_at)).getTime() > RETRY_BROKEN_MS;
      if ((hit && !retry) || queued.has(url)) continue;
      queued.add(url);
      wanted.push({ url, external_id: v.external_id });
    }
  }

  await inOrder(wanted, options.concurrency, async ({ url, external_id }) => {
    const key = urlHash(url);
    let row: CacheRow;
    try {
      const image = await fetchImage(url, options);
      const sha = createHash('sha256').update(image.body).digest('hex');
      let file = bySha.get(sha) ?? null;
      if (file) result.reused++;
      else {
        file = await importFile(image.body, {
          tenant: feed.tenant,
          filename: fileName(url, image.type),
          type: image.type,
          title: `${feed.name}: ${external_id}`,
        });
        bySha.set(sha, file);
        result.downloaded++;
      }
      row = { url_hash: key, url, file, sha256: sha, etag: image.etag, fetched_at: new Date() };
    } catch (error) {
      const message =
        (error as Error).name === 'TimeoutError' ? 'Zeitüberschreitung beim Bildabruf.' : (error as Error).message;
      result.problems.push({ external_id, url, message });
      row = { url_hash: key, url, file: null, sha256: null, etag: null, fetched_at: new Date() };
    }
    await db(TABLE)
      .insert({ tenant: feed.tenant, ...row })
      .onConflict(['tenant', 'url_hash'])
      .merge(['file', 'sha256', 'etag', 'fetched_at', 'url']);
    cache.set(key, row);
  });

  // Photos = every image that could be imported, in feed order; cover = the first. Written only where
  // they differ from what is stored, so an unchanged replay writes nothing.
  const stored = new Map<string, string[]>();
  for (const row of (await db('vehicle_photos as p')
    .join('vehicles as v', 'v.id', 'p.vehicle')
    .select('p.vehicle', 'p.file')
    .where('v.feed', feed.id)
    .whereNot('v.status', 'sold')
    .orderBy('p.vehicle')
    .orderBy('p.sort')) as { vehicle: string; file: string | null }[]) {
    const list = stored.get(row.vehicle) ?? [];
    if (row.file) list.push(row.file);
    stored.set(row.vehicle, list);
  }
  const linkedAt = new Date();
  type Link = { id: string; cover: string | null; coverDiffers: boolean; files: string[] | null };
  const links: Link[] = [];
  for (const v of vehicles) {
    const files = [
      ...new Set(
        parseList(v.images)
          .map((u) => cache.get(urlHash(u))?.file ?? null)
          .filter((f): f is string => f !== null),
      ),
    ];
    const cover = files[0] ?? null;
    const coverDiffers = cover !== (v.cover_image ?? null);
    const photosDiffer = (stored.get(v.id) ?? []).join() !== files.join();
    if (coverDiffers || photosDiffer) links.push({ id: v.id, cover, coverDiffers, files: photosDiffer ? files : null });
  }
  // A vehicle's cover and photos change together; batches of them per transaction (one commit each).
  for (let i = 0; i < links.length; i += 100) {
    const chunk = links.slice(i, i + 100);
    await db.transaction(async (trx) => {
      for (const l of chunk)
        if (l.coverDiffers) await trx('vehicles').where('id', l.id).update({ cover_image: l.cover });
      const relinked = chunk.filter((l) => l.files !== null);
      if (relinked.length === 0) return;
      await trx('vehicle_photos')
        .whereIn(
          'vehicle',
          relinked.map((l) => l.id),
        )
        .delete();
      const rows = relinked.flatMap((l) =>
        (l.files ?? []).map((file, k) => ({
          id: randomUUID(),
          tenant: feed.tenant,
          vehicle: l.id,
          file,
          sort: k + 1,
          date_created: linkedAt,
        })),
      );
      if (rows.length > 0) await trx.batchInsert('vehicle_photos', rows, 100);
    });
    result.changed.push(...chunk.map((l) => l.id));
  }
  return result;
}
