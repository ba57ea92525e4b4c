import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DEMO_FEED, demoDeliveries, demoPhotos } from '../../seeds/demo/autohaus-beispiel-feed.ts';
import { patientFetch } from './directus-client.ts';
import { databaseFromEnv } from './migrate.ts';

type Log = (message: string) => void;

/**
 * The demo dealer's stock through its feed (seeds/demo/autohaus-beispiel-feed.ts), once, on the first
 * start: the photos are rendered and stored as the workshop's files and registered in the sync's image
 * cache under the dealer system's photo URLs (so nothing is fetched from outside), then both deliveries
 * are uploaded through the real upload endpoint — runs, history and galleries as a dealer would see them.
 */
export async function runDemoFeed(env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  const db = databaseFromEnv(env);
  try {
    const feed = await db('inventory_feeds').select('id', 'tenant').where('id', DEMO_FEED).first();
    if (!feed) return;
    const [runs] = await db('sync_runs').where('feed', DEMO_FEED).count({ n: '*' });
    if (Number(runs?.n) > 0) {
      log('Demo-Feed Autohaus Beispiel: vorhanden, unverändert');
      return;
    }
    const api = (path: string, init: RequestInit) =>
      patientFetch(`${env.PUBLIC_URL}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${env.CARBOT_AUTOMATION_TOKEN}`, ...(init.headers ?? {}) },
      });
    // Four at a time: the photos are rendered here while Directus stores the ones before them.
    const queue = demoPhotos();
    const images: Record<string, unknown>[] = [];
    const upload = async (photo: { url: string; svg: string }) => {
      const jpeg = await sharp(Buffer.from(photo.svg)).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
      const form = new FormData();
      form.append('tenant', String(feed.tenant));
      form.append('title', photo.url.split('/').pop() ?? 'Foto');
      form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), photo.url.split('/').pop());
      const res = await api('/files', { method: 'POST', body: form });
      if (!res.ok) throw new Error(`Demo-Foto: ${res.status} ${await res.text()}`);
      const file = ((await res.json()) as { data: { id: string } }).data.id;
      images.push({
        tenant: feed.tenant,
        url_hash: createHash('sha256').update(photo.url).digest('hex'),
        url: photo.url,
        file,
        sha256: createHash('sha256').update(jpeg).digest('hex'),
        etag: null,
        fetched_at: new Date(),
      });
    };
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let photo = queue.shift(); photo; photo = queue.shift()) await upload(photo);
      }),
    );
    await db.batchInsert('carbot_sync_images', images, 50);
    const photos = images.length;
    const reports: string[] = [];
    for (const [name, body] of demoDeliveries()) {
      const res = await api(`/sync/feeds/${DEMO_FEED}/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const report = ((await res.json()) as { data?: Record<string, number> }).data;
      if (!res.ok || !report) throw new Error(`Demo-Feed ${name}: ${res.status}`);
      reports.push(`${name}: ${report.created} neu, ${report.updated} geändert, ${report.removed} verkauft`);
    }
    log(`Demo-Feed Autohaus Beispiel: ${photos} Fotos, ${reports.join('; ')}`);
  } finally {
    await db.destroy();
  }
}
