import { ROLE } from '@carbot/core/roles';
import { CONTACT_CONSENT_VERSION, contactConsentText, contactMail, parseContactForm } from '@carbot/core/sites/contact';
import { ownerFilter } from '@carbot/core/sites/content-scope';
import { isLang } from '@carbot/core/sites/i18n';
import { IMAGE_WIDTHS } from '@carbot/core/sites/images';
import { embedSnippet, platformOrigin, workshopOrigin } from '@carbot/core/sites/origins';
import {
  createPreviewToken,
  PLATFORM_PREVIEW,
  PREVIEW_TTL_SECONDS,
  verifyPreviewToken,
} from '@carbot/core/sites/preview';
import { postPath } from '@carbot/core/sites/routes';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { catching, httpError } from '../shared/errors.js';
import { limiterFactory, take } from '../shared/limiter.js';
import { deliverDue, enqueueMail } from '../shared/outbox.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Directus adds the caller's accountability to the Express request. */
const accountabilityOf = (req: unknown) => (req as { accountability?: Accountability | null }).accountability ?? null;

/**
 * Draft preview of a workshop website.
 * - GET /carbot-site/preview-link/:workshop — for a signed-in user who may read that workshop: a signed link
 *   valid for one hour (`?redirect=1` redirects there, for a button in the admin).
 * - GET /carbot-site/post-preview-link/:post — the same for one post of a workshop, straight to its page.
 * - GET /carbot-site/site-url/:workshop — the public address of a workshop's website and whether it is live.
 * - GET /carbot-site/embed/:clientKey — the ready-to-copy script line for a widget key the user may read.
 * - GET /carbot-site/preview-content — for the site server with a valid token: that workshop's content,
 *   drafts included. Nothing else is ever returned, and never without the token.
 * - GET /carbot-site/preview-asset/:file?width= — for the site server with a valid token: an image the
 *   previewed workshop shows (logo, hero, its posts' and vehicles' images), drafts included, which the
 *   Sites token cannot read before they are published.
 * - POST /carbot-site/contact — for the site server only (Sites token): a visitor's enquiry from the contact
 *   form or a vehicle page of a published workshop, stored as a lead with its consent and mailed to the
 *   workshop through the outbox.
 */
export default defineEndpoint({
  id: 'carbot-site',
  handler: (endpointRouter, { services, getSchema, env, database, logger }) => {
    const router = catching(endpointRouter);
    const { ItemsService, AssetsService } = services;
    const db = database as unknown as Knex;
    const secret = String(env.CARBOT_PURGE_SECRET ?? '');

    const siteOrigin = (slug: string) => workshopOrigin(env, slug);

    router.get('/preview-link/:workshop', async (req, res) => {
      const accountability = accountabilityOf(req);
      if (!accountability?.user) throw httpError(401, 'UNAUTHORIZED', 'Bitte melden Sie sich an.');
      const id = String(req.params.workshop ?? '');
      if (!UUID.test(id)) throw httpError(400, 'INVALID_PAYLOAD', 'Ungültige Werkstatt-ID.');
      if (!secret) throw httpError(503, 'NOT_CONFIGURED', 'Vorschau-Links sind nicht konfiguriert.');
      const schema = await getSchema();
      // The user's own permissions decide: only a workshop they may read gets a link.
      const workshops = new ItemsService('workshops', { schema, accountability });
      const rows = await workshops.readByQuery({ fields: ['id', 'slug'], filter: { id: { _eq: id } }, limit: 1 });
      if (rows.length === 0)
        throw httpError(404, 'NOT_FOUND', 'Diese Werkstatt gibt es nicht oder Sie dürfen sie nicht sehen.');
      const token = createPreviewToken(id, secret, new Date());
      const url = `${siteOrigin(String(rows[0]?.slug))}/?preview=${encodeURIComponent(token)}`;
      if (req.query.redirect === '1') return res.redirect(302, url);
      return res.json({ data: { url, expires_in: PREVIEW_TTL_SECONDS } });
    });

    router.get('/post-preview-link/:post', async (req, res) => {
      const accountability = accountabilityOf(req);
      if (!accountability?.user) throw httpError(401, 'UNAUTHORIZED', 'Bitte melden Sie sich an.');
      const id = String(req.params.post ?? '');
      if (!UUID.test(id)) throw httpError(400, 'INVALID_PAYLOAD', 'Ungültige Beitrags-ID.');
      if (!secret) throw httpError(503, 'NOT_CONFIGURED', 'Vorschau-Links sind nicht konfiguriert.');
      const schema = await getSchema();
      // Whether the user may see the post is decided by their own permissions; where it belongs
      // (workshop, tenant) is read as the system, since the marketer's field list leaves `workshop` out.
      const [visible] = await new ItemsService('posts', { schema, accountability }).readByQuery({
        fields: ['id'],
        filter: { id: { _eq: id } },
        limit: 1,
      });
      if (!visible) throw httpError(404, 'NOT_FOUND', 'Diesen Beitrag gibt es nicht oder Sie dürfen ihn nicht sehen.');
      // system: only the owner fields of a post the user may read (checked just above)
      const [post] = await new ItemsService('posts', { schema, accountability: null }).readByQuery({
        fields: ['id', 'slug', 'workshop', 'tenant'],
        filter: { id: { _eq: id } },
        limit: 1,
      });
      if (!post) throw httpError(404, 'NOT_FOUND', 'Diesen Beitrag gibt es nicht oder Sie dürfen ihn nicht sehen.');
      if (!post.slug)
        throw httpError(
          400,
          'INVALID_PAYLOAD',
          'Bitte geben Sie dem Beitrag zuerst eine Kurz-URL (Slug) und speichern Sie.',
        );
      // A tenant's post without a workshop shows on all of its locations; the first one previews it.
      const [location] = post.workshop
        ? [{ id: post.workshop }]
        : post.tenant
          ? await new ItemsService('workshops', { schema, accountability }).readByQuery({
              fields: ['id'],
              filter: { tenant: { _eq: post.tenant } },
              sort: ['date_created'],
              limit: 1,
            })
          : [];
      if (!location && !post.tenant) {
        // A platform post (marketing): previewed on the platform site with a platform-scoped token.
        const token = createPreviewToken(PLATFORM_PREVIEW, secret, new Date());
        const url = `${platformOrigin(env)}${postPath(encodeURIComponent(String(post.slug)))}?preview=${encodeURIComponent(token)}`;
        if (req.query.redirect === '1') return res.redirect(302, url);
        return res.json({ data: { url, expires_in: PREVIEW_TTL_SECONDS } });
      }
      if (!location) throw httpError(404, 'NOT_FOUND', 'Zu diesem Beitrag gibt es keine Werkstatt zum Anzeigen.');
      const workshopId = String(location.id);
      const [workshop] = await new ItemsService('workshops', { schema, accountability }).readByQuery({
        fields: ['id', 'slug'],
        filter: { id: { _eq: workshopId } },
        limit: 1,
      });
      if (!workshop) throw httpError(404, 'NOT_FOUND', 'Die Werkstatt des Beitrags dürfen Sie nicht sehen.');
      const token = createPreviewToken(workshopId, secret, new Date());
      const url = `${siteOrigin(String(workshop.slug))}${postPath(encodeURIComponent(String(post.slug)))}?preview=${encodeURIComponent(token)}`;
      if (req.query.redirect === '1') return res.redirect(302, url);
      return res.json({ data: { url, expires_in: PREVIEW_TTL_SECONDS } });
    });

    router.get('/site-url/:workshop', async (req, res) => {
      const accountability = accountabilityOf(req);
      if (!accountability?.user) throw httpError(401, 'UNAUTHORIZED', 'Bitte melden Sie sich an.');
      const id = String(req.params.workshop ?? '');
      if (!UUID.test(id)) throw httpError(400, 'INVALID_PAYLOAD', 'Ungültige Werkstatt-ID.');
      const schema = await getSchema();
      const [row] = await new ItemsService('workshops', { schema, accountability }).readByQuery({
        fields: ['id', 'slug', 'status'],
        filter: { id: { _eq: id } },
        limit: 1,
      });
      if (!row) throw httpError(404, 'NOT_FOUND', 'Diese Werkstatt gibt es nicht oder Sie dürfen sie nicht sehen.');
      return res.json({ data: { url: siteOrigin(String(row.slug)), published: row.status === 'published' } });
    });

    router.get('/embed/:key', async (req, res) => {
      const accountability = accountabilityOf(req);
      if (!accountability?.user) throw httpError(401, 'UNAUTHORIZED', 'Bitte melden Sie sich an.');
      const id = String(req.params.key ?? '');
      if (!UUID.test(id)) throw httpError(400, 'INVALID_PAYLOAD', 'Ungültige Key-ID.');
      const schema = await getSchema();
      const [row] = await new ItemsService('client_keys', { schema, accountability }).readByQuery({
        fields: ['id', 'key', 'status', 'allowed_origins'],
        filter: { id: { _eq: id } },
        limit: 1,
      });
      if (!row?.key)
        throw httpError(404, 'NOT_FOUND', 'Diesen Widget-Key gibt es nicht oder Sie dürfen ihn nicht sehen.');
      const origins = Array.isArray(row.allowed_origins)
        ? row.allowed_origins.map(String)
        : typeof row.allowed_origins === 'string'
          ? row.allowed_origins.split(/[\s,]+/).filter(Boolean)
          : [];
      return res.json({
        data: {
          snippet: embedSnippet(env, String(row.key)),
          widget_url: `${platformOrigin(env)}/widget.js`,
          status: row.status,
          allowed_origins: origins,
        },
      });
    });

    router.get('/preview-asset/:file', async (req, res) => {
      const check = verifyPreviewToken(String(req.headers['x-carbot-preview'] ?? ''), secret, new Date());
      if (!check.ok) throw httpError(403, 'FORBIDDEN', 'Der Vorschau-Link ist ungültig oder abgelaufen.');
      // Platform previews show only files that are public already (platform content).
      if (check.workshopId === PLATFORM_PREVIEW) throw httpError(404, 'NOT_FOUND', 'Unbekanntes Bild.');
      const id = String(req.params.file ?? '');
      const width = Number(req.query.width);
      if (!UUID.test(id) || !IMAGE_WIDTHS.includes(width)) throw httpError(404, 'NOT_FOUND', 'Unbekanntes Bild.');
      const schema = await getSchema();
      const read = (collection: string, query: Record<string, unknown>) =>
        // system: authorised by the signed preview token, filtered to the one workshop it names
        new ItemsService(collection, { schema, accountability: null }).readByQuery({ limit: 1, ...query });
      const [workshop] = await read('workshops', {
        fields: ['id', 'tenant', 'logo', 'hero_image'],
        filter: { id: { _eq: check.workshopId } },
      });
      if (!workshop) throw httpError(404, 'NOT_FOUND', 'Unbekanntes Bild.');
      const shown = ownerFilter({
        kind: 'workshop',
        workshop: check.workshopId,
        tenant: String(workshop.tenant ?? ''),
      });
      const [posts, vehicles] = await Promise.all([
        read('posts', { fields: ['id'], filter: { _and: [shown, { cover_image: { _eq: id } }] } }),
        read('vehicles', {
          fields: ['id'],
          filter: { _and: [{ workshop: { _eq: check.workshopId } }, { cover_image: { _eq: id } }] },
        }),
      ]);
      const shows = workshop.logo === id || workshop.hero_image === id || posts.length > 0 || vehicles.length > 0;
      if (!shows) throw httpError(404, 'NOT_FOUND', 'Unbekanntes Bild.');
      const accept = String(req.headers.accept ?? '');
      // system: authorised by the signed preview token, for a file the previewed workshop shows (checked above)
      const assets = new AssetsService({ schema, accountability: null });
      const { stream, file } = await assets.getAsset(id, {
        transformationParams: { width, quality: 75, withoutEnlargement: true, format: 'auto' },
        acceptFormat: accept.includes('image/avif') ? 'avif' : accept.includes('image/webp') ? 'webp' : undefined,
      });
      res.setHeader('content-type', String(file.type ?? 'application/octet-stream'));
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('vary', 'Accept');
      stream.pipe(res);
    });

    router.get('/preview-content', async (req, res) => {
      const check = verifyPreviewToken(String(req.headers['x-carbot-preview'] ?? ''), secret, new Date());
      if (!check.ok) throw httpError(403, 'FORBIDDEN', 'Der Vorschau-Link ist ungültig oder abgelaufen.');
      const schema = await getSchema();
      // Acting as the system on purpose: the signed token is the authorisation, and everything below is
      // filtered to the one workshop it names.
      const read = (collection: string, query: Record<string, unknown>) =>
        // system: authorised by the signed preview token, filtered to the one workshop it names
        new ItemsService(collection, { schema, accountability: null }).readByQuery({ limit: -1, ...query });
      const notArchived = { status: { _neq: 'archived' } };
      if (check.workshopId === PLATFORM_PREVIEW) {
        // The platform's own posts and FAQs (no tenant), drafts included; nothing of any workshop.
        const platform = { _and: [{ tenant: { _null: true } }, { workshop: { _null: true } }, notArchived] };
        const [faqs, posts] = await Promise.all([
          read('faqs', { fields: ['*', 'translations.*'], filter: platform, sort: ['sort'] }),
          read('posts', { fields: ['*', 'translations.*'], filter: platform, sort: ['-published_at'] }),
        ]);
        res.set('cache-control', 'no-store');
        return res.json({ data: { workshop: null, services: [], faqs, posts } });
      }
      const [workshop] = await read('workshops', {
        fields: [
          '*',
          'tenant.id',
          'tenant.plan',
          'tenant.subscription_status',
          'tenant.past_due_since',
          'translations.*',
        ],
        filter: { id: { _eq: check.workshopId } },
        limit: 1,
      });
      if (!workshop) throw httpError(404, 'NOT_FOUND', 'Diese Werkstatt gibt es nicht mehr.');
      const own = { workshop: { _eq: check.workshopId } };
      // Posts and FAQs without a workshop belong to all of the tenant's locations, as on the live site.
      const shown = ownerFilter({
        kind: 'workshop',
        workshop: check.workshopId,
        tenant: String(workshop.tenant?.id ?? ''),
      });
      const [services, faqs, posts] = await Promise.all([
        read('services', { fields: ['*', 'translations.*'], filter: { _and: [own, notArchived] }, sort: ['sort'] }),
        read('faqs', { fields: ['*', 'translations.*'], filter: { _and: [shown, notArchived] }, sort: ['sort'] }),
        read('posts', {
          fields: ['*', 'translations.*'],
          filter: { _and: [shown, notArchived] },
          sort: ['-published_at'],
        }),
      ]);
      res.set('cache-control', 'no-store');
      return res.json({ data: { workshop, services, faqs, posts } });
    });

    /** Five enquiries per visitor and workshop in ten minutes, across all instances; the form is for people. */
    const contactLimiter = limiterFactory(env, logger)('site-contact', { limit: 5, windowSeconds: 600 });
    const adminUrl = (path: string) => `${String(env.PUBLIC_URL ?? '').replace(/\/$/, '')}/admin/content/${path}`;

    router.post('/contact', async (req, res) => {
      const accountability = accountabilityOf(req);
      if (accountability?.role !== ROLE.sites) throw httpError(403, 'FORBIDDEN', 'Nur für den Site-Server.');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const workshopId = String(body.workshop ?? '');
      const lang = isLang(body.lang) ? body.lang : 'de';
      const visitor = typeof body.visitor === 'string' ? body.visitor.slice(0, 100) : 'unbekannt';
      const page = typeof body.page === 'string' ? body.page.slice(0, 500) : '';
      if (!UUID.test(workshopId)) throw httpError(400, 'INVALID_PAYLOAD', 'Ungültige Werkstatt-ID.');
      const form = (typeof body.form === 'object' && body.form !== null ? body.form : {}) as Record<string, unknown>;
      const fields = Object.fromEntries(
        Object.entries(form).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
      ) as Record<string, string | undefined>;
      const parsed = parseContactForm(fields, lang);
      if (!parsed.ok) {
        throw Object.entries(parsed.errors).map(([field, message]) =>
          httpError(400, 'INVALID_LEAD', String(message), { field }),
        );
      }
      const decision = await take(await contactLimiter, `${workshopId}:${visitor}`);
      if (!decision.allowed) {
        res.set('retry-after', String(decision.retryAfterSeconds));
        throw httpError(
          429,
          'RATE_LIMITED',
          'Zu viele Anfragen. Bitte versuchen Sie es später erneut oder rufen Sie an.',
        );
      }
      const schema = await getSchema();
      // The Sites role sees published workshops only: an enquiry for any other is refused here.
      const [workshop] = await new ItemsService('workshops', { schema, accountability }).readByQuery({
        fields: ['id', 'name', 'email', 'tenant'],
        filter: { id: { _eq: workshopId } },
        limit: 1,
      });
      if (!workshop) throw httpError(404, 'NOT_FOUND', 'Diese Werkstatt gibt es nicht.');
      const { lead, vehicle, spam } = parsed.submission;
      // A bot that filled in the hidden field is told it worked and nothing is stored.
      if (spam) return res.status(201).json({ data: { stored: true } });
      let car = lead.car;
      if (vehicle) {
        const [row] = await new ItemsService('vehicles', { schema, accountability }).readByQuery({
          fields: ['id', 'make', 'model', 'variant'],
          filter: { _and: [{ id: { _eq: vehicle } }, { workshop: { _eq: workshopId } }] },
          limit: 1,
        });
        if (row) car = [row.make, row.model, row.variant].filter(Boolean).join(' ');
      }
      // system: the visitor has no account; the Sites role proved the workshop is published (read above)
      const consents = new ItemsService('consents', { schema, accountability: null });
      const consentId = await consents.createOne({
        workshop: workshop.id,
        purpose: 'lead_contact',
        granted: true,
        policy_version: CONTACT_CONSENT_VERSION,
        text_shown: contactConsentText(String(workshop.name), lang),
        ip_hash: visitor,
      });
      // system: as above, the lead of a published workshop's visitor; the plan-limit hook still applies
      const leads = new ItemsService('leads', { schema, accountability: null });
      let leadId: string | number | null = null;
      try {
        leadId = await leads.createOne({
          ...lead,
          car,
          workshop: workshop.id,
          consent: consentId,
          source: 'website',
          status: 'new',
        });
      } catch (error) {
        const e = error as { code?: string; extensions?: { code?: string } };
        if (e?.code !== 'PLAN_LIMIT' && e?.extensions?.code !== 'PLAN_LIMIT') throw error;
      }
      if (workshop.email) {
        const mail = contactMail(
          String(workshop.name),
          { ...lead, car },
          adminUrl(leadId ? `leads/${leadId}` : 'leads'),
          page,
        );
        const text = leadId
          ? mail.text
          : `${mail.text}\n\nHinweis: Das Lead-Kontingent Ihres Tarifs für diesen Monat ist ausgeschöpft; die Anfrage steht nur in dieser Mail.`;
        await enqueueMail(db, {
          tenant: String(workshop.tenant),
          to: String(workshop.email),
          subject: mail.subject,
          text,
          lead: leadId === null ? null : String(leadId),
        });
        void (async () => {
          // system: notifications are sent on behalf of the platform, not of a user.
          const mailer = new services.MailService({ schema, knex: database });
          await deliverDue(db, mailer, Number(env.CARBOT_OUTBOX_RETRY_MS ?? 30_000));
        })().catch((error: Error) => logger.warn(`Mail-Ausgang: ${error.message}`));
      }
      return res.status(201).json({ data: { stored: leadId !== null } });
    });
  },
});
