import { imagePath } from '@carbot/core/sites/images';
import { workshopOrigin } from '@carbot/core/sites/origins';
import { vehiclePath } from '@carbot/core/sites/routes';
import { isNewUnderEnvkv } from '@carbot/core/sync/envkv';
import {
  checkPortalToken,
  googleFeed,
  metaFeed,
  type Portal,
  type PortalVehicle,
  portalToken,
} from '@carbot/core/sync/portals';
import { newFeedSecret, SIGNATURE_HEADER, verifySignature } from '@carbot/core/sync/signature';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { catching, httpError } from '../shared/errors.js';
import { isOwner, isTenantUser, ok, publicUrl } from '../shared/http.js';
import { syncContext } from '../shared/sync-context.js';
import { type FeedRun, runFeed } from '../shared/sync-feed.js';
import { publicReport } from '../shared/sync-run.js';

type Req = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  accountability?: Accountability | null;
  schema?: SchemaOverview;
  body?: unknown;
  rawBody?: Buffer;
};
type Res = {
  status(code: number): Res;
  json(body: unknown): unknown;
  send(body: string): unknown;
  setHeader(name: string, value: string): unknown;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const header = (req: Req, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

type ItemsLike = { readOne(key: string, query?: Record<string, unknown>): Promise<Record<string, unknown>> };
type Services = {
  ItemsService: new (
    collection: string,
    options: { schema: SchemaOverview; accountability: Accountability | null },
  ) => ItemsLike;
};

/**
 * The sync's HTTP side. Dealer systems push signed deliveries (no account: the feed's secret is the
 * credential); owners and their team upload files and start pulls from the admin; owners get a new feed
 * secret, shown only in that answer.
 */
export default defineEndpoint({
  id: 'sync',
  handler: (endpointRouter, { services, getSchema, database, env, emitter, logger }) => {
    const router = catching(endpointRouter);
    const db = database as unknown as Knex;
    const svc = services as unknown as Services;
    const ctx = syncContext({ services, getSchema, database, env: env as Record<string, unknown>, emitter });

    const answer = (res: Res, run: FeedRun) => {
      if (run.kind === 'missing') throw httpError(404, 'NOT_FOUND', 'Feed nicht gefunden.');
      if (run.kind === 'busy') {
        res.setHeader('retry-after', '30');
        throw httpError(
          423,
          'SYNC_BUSY',
          'Für diesen Feed läuft gerade ein anderer Abgleich. Bitte gleich noch einmal versuchen.',
        );
      }
      const report = {
        ...publicReport(run.report),
        images: {
          downloaded: run.images.downloaded,
          reused: run.images.reused,
          problems: run.images.problems.slice(0, 100),
        },
      };
      if (run.report.status === 'failed')
        throw httpError(400, 'SYNC_FAILED', run.report.message ?? 'Der Abgleich ist fehlgeschlagen.', { report });
      return ok(res, report, run.report.status === 'refused' ? 409 : 200);
    };

    const feedId = (req: Req): string => {
      const id = String(req.params.id ?? '');
      if (!UUID.test(id)) throw httpError(404, 'NOT_FOUND', 'Feed nicht gefunden.');
      return id;
    };

    /** The feed as the signed-in user may see it; another tenant's feed does not exist for them. */
    const feedOfUser = async (req: Req, ownerOnly: boolean) => {
      const acc = req.accountability;
      if (!acc?.user) throw httpError(401, 'INVALID_CREDENTIALS', 'Bitte melden Sie sich an.');
      if (!(ownerOnly ? isOwner(acc) : isTenantUser(acc) || acc.admin))
        throw httpError(403, 'FORBIDDEN', ownerOnly ? 'Nur Werkstattinhaber dürfen das.' : 'Keine Berechtigung.');
      const id = feedId(req);
      const schema = req.schema ?? (await getSchema());
      const feeds = new svc.ItemsService('inventory_feeds', { schema, accountability: acc });
      try {
        return await feeds.readOne(id, { fields: ['id', 'mode', 'status'] });
      } catch {
        throw httpError(404, 'NOT_FOUND', 'Feed nicht gefunden.');
      }
    };

    // Push from a dealer system: signed, never authenticated by an account.
    router.post('/feeds/:id/vehicles', async (req: Req, res: Res) => {
      const id = feedId(req);
      const feed = await db('inventory_feeds').select('id', 'mode', 'status', 'push_secret').where('id', id).first();
      const body = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
      // Unknown feed and wrong signature answer alike, so the API does not tell which feeds exist.
      const check = verifySignature(
        header(req, SIGNATURE_HEADER),
        body,
        feed?.push_secret ?? null,
        Math.floor(Date.now() / 1000),
      );
      if (!feed || !check.ok)
        throw httpError(401, 'INVALID_SIGNATURE', check.ok ? 'Die Signatur stimmt nicht.' : check.message);
      if (feed.mode !== 'push')
        throw httpError(409, 'WRONG_MODE', 'Dieser Feed nimmt keine Push-Lieferungen an (Art: Abruf oder Datei).');
      if (feed.status === 'paused') throw httpError(423, 'FEED_PAUSED', 'Dieser Feed ist pausiert.');
      const type = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json')
        throw httpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Push-Lieferungen sind JSON (Content-Type: application/json).');
      const confirm = (req.body as { confirm?: unknown } | undefined)?.confirm === true;
      return answer(res, await runFeed(ctx, id, 'push', { bytes: body }, confirm));
    });

    // Upload in the admin: the file's bytes as the body.
    router.post('/feeds/:id/upload', async (req: Req, res: Res) => {
      await feedOfUser(req, false);
      const body = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
      if (body.byteLength === 0) throw httpError(400, 'INVALID_PAYLOAD', 'Bitte eine CSV- oder JSON-Datei hochladen.');
      const confirm = req.query.confirm === 'true' && isOwner(req.accountability);
      return answer(res, await runFeed(ctx, feedId(req), 'upload', { bytes: body }, confirm));
    });

    // "Jetzt abrufen" in the admin.
    router.post('/feeds/:id/run', async (req: Req, res: Res) => {
      const feed = await feedOfUser(req, false);
      if (feed.mode !== 'pull')
        throw httpError(409, 'WRONG_MODE', 'Nur Feeds mit Abruf von einer Adresse können abgerufen werden.');
      const confirm = req.query.confirm === 'true' && isOwner(req.accountability);
      return answer(res, await runFeed(ctx, feedId(req), 'manual', { pull: true }, confirm));
    });

    // A new secret for signing pushes (and the portal feed links), shown once in this answer.
    router.post('/feeds/:id/secret', async (req: Req, res: Res) => {
      await feedOfUser(req, true);
      const secret = newFeedSecret();
      await db('inventory_feeds').where('id', feedId(req)).update({ push_secret: secret });
      logger.info(`Neues Feed-Geheimnis für ${feedId(req)} erzeugt.`);
      const portal = (p: Portal) =>
        `${publicUrl(env)}/sync/feeds/${feedId(req)}/portal/${p}?token=${portalToken(secret, p)}`;
      return ok(res, { secret, portals: { google: portal('google'), meta: portal('meta') } });
    });

    // Vehicle listings for Google and Meta: the workshop's vehicles on sale, behind a token derived from
    // the feed's secret (GET, so the portal's crawler can fetch it; a wrong token looks like no feed).
    router.get('/feeds/:id/portal/:portal', async (req: Req, res: Res) => {
      const portal = String(req.params.portal ?? '') as Portal;
      const id = feedId(req);
      if (portal !== 'google' && portal !== 'meta') throw httpError(404, 'NOT_FOUND', 'Feed nicht gefunden.');
      const feed = await db('inventory_feeds').select('workshop', 'push_secret').where('id', id).first();
      if (!feed || !checkPortalToken(feed.push_secret ?? null, portal, req.query.token))
        throw httpError(404, 'NOT_FOUND', 'Feed nicht gefunden.');
      const workshop = await db('workshops')
        .select('slug', 'status', 'street', 'city', 'postal_code')
        .where('id', feed.workshop)
        .first();
      const origin = workshopOrigin(env as Record<string, unknown>, String(workshop?.slug ?? ''));
      const rows =
        workshop?.status === 'published'
          ? await db('vehicles')
              .where('workshop', feed.workshop)
              .whereIn('status', ['available', 'reserved'])
              .orderBy('date_created')
              .orderBy('id')
          : [];
      const today = new Date();
      const vehicles: PortalVehicle[] = rows.map((v: Record<string, unknown>) => {
        const mileage = v.mileage_km === null || v.mileage_km === undefined ? null : Number(v.mileage_km);
        const firstRegistration = (v.first_registration as string | null) ?? null;
        return {
          id: String(v.id),
          external_id: (v.external_id as string | null) ?? null,
          make: String(v.make ?? ''),
          model: String(v.model ?? ''),
          variant: (v.variant as string | null) ?? null,
          price: Number(v.price ?? 0),
          mileage_km: mileage,
          year: v.year === null || v.year === undefined ? null : Number(v.year),
          first_registration: firstRegistration,
          fuel: (v.fuel as string | null) ?? null,
          transmission: (v.transmission as string | null) ?? null,
          body_type: (v.body_type as string | null) ?? null,
          drive_type: (v.drive_type as string | null) ?? null,
          color: (v.color as string | null) ?? null,
          vin: (v.vin as string | null) ?? null,
          description: (v.description as string | null) ?? null,
          status: String(v.status),
          url: `${origin}${vehiclePath(String(v.id))}`,
          image_url: v.cover_image ? `${origin}${imagePath(String(v.cover_image), 1200)}` : null,
          isNew: isNewUnderEnvkv(
            {
              first_registration: firstRegistration,
              mileage_km: mileage,
              year: v.year === null || v.year === undefined ? null : Number(v.year),
            },
            today,
          ),
        };
      });
      res.setHeader('cache-control', 'no-store');
      if (portal === 'google') {
        res.setHeader('content-type', 'text/tab-separated-values; charset=utf-8');
        return res.status(200).send(googleFeed(vehicles));
      }
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      const address = {
        street: String(workshop?.street ?? ''),
        city: String(workshop?.city ?? ''),
        postcode: String(workshop?.postal_code ?? ''),
      };
      return res.status(200).send(metaFeed(vehicles, address));
    });
  },
});
