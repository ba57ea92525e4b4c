import { Resolver } from 'node:dns/promises';
import { txtProvesControl, VERIFY_LABEL, verificationRecord } from '@carbot/core/sites/addresses';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import { catching, httpError } from '../shared/errors.js';
import { ok } from '../shared/http.js';
import { dnsServers } from './config.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const accountabilityOf = (req: unknown) => (req as { accountability?: Accountability | null }).accountability ?? null;

type Row = {
  id: string;
  domain: string;
  status: string;
  token: string | null;
  verified_at: string | null;
  checked_at: string | null;
  check_message: string | null;
};

const view = (r: Row) => ({
  id: r.id,
  domain: r.domain,
  status: r.status,
  verified_at: r.verified_at,
  checked_at: r.checked_at,
  message: r.check_message,
  record: r.token ? verificationRecord(r.domain, r.token) : null,
});

/** Unique violations look different per database; the index name or column tells them apart. */
const isUniqueViolation = (error: unknown) =>
  /unique|duplicate|RECORD_NOT_UNIQUE/i.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}`);

/**
 * Custom-domain verification for the admin (owners and staff of the workshop; the caller's own
 * permissions decide which records they see):
 * - GET  /carbot-domains/:workshop — the workshop's domains, their status and the TXT record to create;
 * - POST /carbot-domains/:workshop/check — looks up `_carbot-verify.<domain>` TXT for every unverified
 *   domain and marks it verified when it carries the token. A domain is served only once verified, and
 *   only one workshop can hold it verified (unique index on `verified_domain`).
 */
export default defineEndpoint({
  id: 'carbot-domains',
  handler: (endpointRouter, { services, getSchema, env, logger }) => {
    const router = catching(endpointRouter);
    const { ItemsService } = services;

    const resolver = () => {
      const r = new Resolver({ timeout: 3000, tries: 2 });
      const servers = dnsServers(env);
      if (servers.length) r.setServers(servers);
      return r;
    };

    const recordsOf = async (req: unknown, workshop: string) => {
      const schema = await getSchema();
      const accountability = accountabilityOf(req);
      const mine = new ItemsService('workshop_domains', { schema, accountability });
      const rows = (await mine.readByQuery({
        fields: ['id', 'domain', 'status', 'token', 'verified_at', 'checked_at', 'check_message'],
        filter: { workshop: { _eq: workshop } },
        sort: ['domain'],
        limit: 100,
      })) as Row[];
      return { rows, schema };
    };

    const guard = (req: { params: Record<string, string> }, _res: unknown) => {
      if (!accountabilityOf(req)?.user) throw httpError(401, 'UNAUTHORIZED', 'Bitte melden Sie sich an.');
      if (!UUID.test(String(req.params.workshop ?? ''))) {
        throw httpError(400, 'INVALID_PAYLOAD', 'Ungültige Werkstatt-ID.');
      }
      return null;
    };

    router.get('/:workshop', async (req, res) => {
      if (guard(req, res)) return;
      const { rows } = await recordsOf(req, String(req.params.workshop));
      return ok(res, rows.map(view));
    });

    router.post('/:workshop/check', async (req, res) => {
      if (guard(req, res)) return;
      const { rows, schema } = await recordsOf(req, String(req.params.workshop));
      // system: the caller may read these records (read above with their permissions); only the check's
      // outcome is written, which no tenant role may write itself.
      const system = new ItemsService('workshop_domains', { schema, accountability: null });
      const dns = resolver();
      const now = new Date().toISOString();
      for (const row of rows) {
        if (row.status === 'verified' || !row.token) continue;
        let records: string[][] = [];
        let message: string;
        try {
          records = await dns.resolveTxt(`${VERIFY_LABEL}.${row.domain}`);
          message = 'Der TXT-Eintrag wurde gefunden, enthält aber nicht den erwarteten Wert.';
        } catch (error) {
          const code = (error as { code?: string }).code;
          message =
            code === 'ENOTFOUND' || code === 'ENODATA'
              ? `Kein TXT-Eintrag unter ${VERIFY_LABEL}.${row.domain} gefunden. DNS-Änderungen brauchen manchmal einige Stunden.`
              : 'Der DNS-Eintrag konnte gerade nicht abgefragt werden. Bitte später erneut prüfen.';
        }
        if (txtProvesControl(records, row.token)) {
          try {
            await system.updateOne(row.id, {
              status: 'verified',
              verified_domain: row.domain,
              verified_at: now,
              checked_at: now,
              check_message: 'Bestätigt: Die Domain gehört zu dieser Website.',
            });
            Object.assign(row, { status: 'verified', verified_at: now, check_message: 'Bestätigt.' });
            continue;
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
            message = 'Diese Domain ist bereits für eine andere Website bestätigt.';
            logger.warn(`Domain ${row.domain}: bereits anderswo bestätigt.`);
          }
        }
        await system.updateOne(row.id, { checked_at: now, check_message: message });
        Object.assign(row, { checked_at: now, check_message: message });
      }
      return ok(res, rows.map(view));
    });
  },
});
