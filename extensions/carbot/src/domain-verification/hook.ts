import { randomBytes } from 'node:crypto';
import { checkCustomDomains, checkSlug, domainEntries } from '@carbot/core/sites/addresses';
import { createError } from '@directus/errors';
import { defineHook } from '@directus/extensions-sdk';
import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { addressOptions } from './config.js';

const InvalidAddress = createError<{ reason: string }>('INVALID_PAYLOAD', ({ reason }) => reason, 400);
const DomainTaken = createError<{ reason: string }>('DOMAIN_TAKEN', ({ reason }) => reason, 409);

type Payload = Record<string, unknown>;
type Ctx = { database: Knex; schema: SchemaOverview | null };

/**
 * Slug and custom domains of workshops, on every write path (registration, admin app, REST, GraphQL,
 * batch, imports, nested writes all run the items filters): one rule from core, a 400 with the German
 * reason otherwise. Custom domains are stored normalised; each gets a record in `workshop_domains`
 * (pending until its owner proves control, see the endpoint) that the site server resolves from.
 */
export default defineHook(({ filter, action }, { env, services, getSchema, logger }) => {
  const opts = addressOptions(env);

  const checkAddresses = async (payload: Payload, keys: unknown[], ctx: Ctx, creating: boolean) => {
    if (creating || 'slug' in payload) {
      const slug = checkSlug(payload.slug, opts);
      if (!slug.ok) throw new InvalidAddress({ reason: slug.message });
    }
    if (!('custom_domains' in payload)) return payload;
    const domains = checkCustomDomains(payload.custom_domains, opts);
    if (!domains.ok) throw new InvalidAddress({ reason: domains.message });
    if (domains.value.length > 0) {
      // A domain another workshop has proven is theirs cannot be claimed (the unique index holds it anyway).
      const taken = await ctx
        .database('workshop_domains')
        .select('verified_domain', 'workshop')
        .whereIn('verified_domain', domains.value);
      const other = taken.find((row: { workshop: string }) => !keys.map(String).includes(String(row.workshop)));
      if (other) {
        throw new DomainTaken({
          reason: `Die Domain „${other.verified_domain}“ ist bereits für eine andere Website bestätigt.`,
        });
      }
    }
    return { ...payload, custom_domains: domains.value.length ? domains.value : null };
  };

  filter<Payload>('workshops.items.create', (payload, _meta, ctx) => checkAddresses(payload, [], ctx as Ctx, true));
  filter<Payload>('workshops.items.update', (payload, meta, ctx) =>
    checkAddresses(payload, (meta.keys as unknown[]) ?? [], ctx as Ctx, false),
  );

  /** Makes the domain records of these workshops match their `custom_domains` (new ones pending). */
  const sync = async (keys: unknown[], database: Knex) => {
    const schema = await getSchema({ database });
    // system: domain records are written only by the server, after the workshop write was permitted
    const records = new services.ItemsService('workshop_domains', { schema, knex: database });
    for (const key of keys) {
      const row = await database('workshops').select('custom_domains').where('id', String(key)).first();
      if (!row) continue;
      const wanted = domainEntries(row.custom_domains);
      const existing: { id: string; domain: string }[] = await database('workshop_domains')
        .select('id', 'domain')
        .where('workshop', String(key));
      const gone = existing.filter((r) => !wanted.includes(r.domain)).map((r) => r.id);
      if (gone.length) await records.deleteMany(gone);
      const added = wanted.filter((d) => !existing.some((r) => r.domain === d));
      if (added.length) {
        await records.createMany(
          added.map((domain) => ({
            workshop: String(key),
            domain,
            status: 'pending',
            token: randomBytes(24).toString('base64url'),
            check_message: 'Noch nicht geprüft.',
          })),
        );
      }
    }
  };
  const after =
    (keysOf: (meta: Record<string, unknown>) => unknown[]) => async (meta: Record<string, unknown>, ctx: unknown) => {
      const payload = (meta.payload ?? {}) as Payload;
      if (!('custom_domains' in payload)) return;
      try {
        await sync(keysOf(meta), (ctx as Ctx).database);
      } catch (error) {
        logger.error(`Domain-Nachweise nicht abgeglichen: ${(error as Error).message}`);
      }
    };
  action(
    'workshops.items.create',
    after((meta) => [meta.key]),
  );
  action(
    'workshops.items.update',
    after((meta) => (meta.keys as unknown[]) ?? []),
  );
});
