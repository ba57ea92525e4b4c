import { randomUUID } from 'node:crypto';
import { berlinDay } from '@carbot/core/analytics/visitor';
import { LEASES_TABLE, type LeaseResult, withLease } from '@carbot/core/ops/lease';
import { cutoffs, effectiveRetention, type Retention } from '@carbot/core/privacy/retention';
import {
  APPOINTMENT_PERSONAL_COLUMNS,
  type Counts,
  countsOf,
  emptyFound,
  type Found,
  proofRecord,
  type Row,
  rowMatches,
  type SubjectQuery,
  searchTerms,
  total,
} from '@carbot/core/privacy/subject';
import type { Knex } from 'knex';

/**
 * Finding and erasing everything about one person within one tenant (GDPR Art. 15/17/20). Plain knex in
 * one transaction: the caller has already established the tenant (an owner's account, or a visitor's
 * conversation secret), and every query here is pinned to it.
 */

/** Tables created by collections other parts of CarBot may or may not have yet (booking, analytics links). */
async function columnsOf(db: Knex, table: string): Promise<Set<string> | null> {
  if (!(await db.schema.hasTable(table))) return null;
  return new Set(Object.keys(await db(table).columnInfo()));
}

const ids = (rows: Row[]) => rows.map((row) => String(row.id));
const unique = (rows: Row[]) => [...new Map(rows.map((row) => [String(row.id), row])).values()];

/** Rows of `table` in the tenant whose `column` is one of `values` (chunked: SQLite allows ~999 bindings). */
async function whereIn(db: Knex, table: string, tenant: string, column: string, values: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (let i = 0; i < values.length; i += 500) {
    rows.push(
      ...(await db(table)
        .where('tenant', tenant)
        .whereIn(column, values.slice(i, i + 500))),
    );
  }
  return rows;
}

/** Everything about the person in the tenant: the records the export lists and the erasure removes. */
export async function findSubject(
  db: Knex,
  tenant: string,
  query: SubjectQuery,
  /** `conversation`: a visitor erasing their own chat: only what hangs on that conversation, no text search. */
  scope: 'person' | 'conversation' = 'person',
): Promise<Found> {
  const found = emptyFound();
  // Leads by e-mail (any case) or phone (any format): candidates from the tenant, compared in code.
  const candidates: Row[] = await db('leads')
    .where('tenant', tenant)
    .where((q) => {
      if (query.email) q.orWhereRaw('lower(email) = ?', [query.email]);
      if (query.phone) q.orWhereNotNull('phone');
      if (!query.email && !query.phone) q.whereRaw('1 = 0');
    })
    .select('id', 'email', 'phone');
  const leadIds = candidates.filter((row) => rowMatches(row, query)).map((row) => String(row.id));

  // Conversations: the one named, those of the leads, and those in which the person typed their address.
  const terms = searchTerms(query);
  const conversationIds = new Set<string>();
  if (query.conversation) {
    const named = await db('conversations').where({ id: query.conversation, tenant }).first('id');
    if (named) conversationIds.add(String(named.id));
  }
  const leads = await whereIn(db, 'leads', tenant, 'id', leadIds);
  for (const lead of leads) if (lead.conversation) conversationIds.add(String(lead.conversation));
  for (const term of terms) {
    const hits = await db('messages').where('tenant', tenant).where(contains('content', term)).select('conversation');
    for (const hit of hits) if (hit.conversation) conversationIds.add(String(hit.conversation));
  }
  const conversations = await whereIn(db, 'conversations', tenant, 'id', [...conversationIds]);
  // A conversation's lead is the person's too (the visitor named the conversation, or it carried their address).
  found.leads = unique([...leads, ...(await whereIn(db, 'leads', tenant, 'conversation', ids(conversations)))]);
  found.conversations = conversations;
  found.messages = await whereIn(db, 'messages', tenant, 'conversation', ids(conversations));
  found.messages.sort((a, b) => String(a.date_created).localeCompare(String(b.date_created)));
  found.consents = unique([
    ...(await whereIn(db, 'consents', tenant, 'conversation', ids(conversations))),
    ...(await whereIn(
      db,
      'consents',
      tenant,
      'id',
      found.leads
        .map((lead) => lead.consent)
        .filter(Boolean)
        .map(String),
    )),
  ]);

  // Notification mails: those about a found lead, and any whose text carries the person's details.
  // Mails name their lead or conversation in the admin link they carry (…/leads/{id}, …/conversations/{id}).
  const mailTerms = [
    ...ids(found.leads),
    ...ids(conversations),
    ...(scope === 'conversation'
      ? []
      : [
          ...terms,
          ...found.leads
            .flatMap((lead) => [lead.email, lead.phone])
            .filter((v): v is string => typeof v === 'string' && v.length >= 6),
        ]),
  ];
  if (await db.schema.hasTable('carbot_outbox')) {
    found.mails = await db('carbot_outbox')
      .where('tenant', tenant)
      .where((q) => {
        q.whereIn('lead', ids(found.leads).length ? ids(found.leads) : ['00000000-0000-0000-0000-000000000000']);
        for (const term of new Set(mailTerms)) q.orWhere(contains('text', term));
        if (query.email) q.orWhereRaw('lower(recipient) = ?', [query.email]);
      });
  }

  const appointments = await columnsOf(db, 'appointments');
  if (appointments?.has('tenant')) {
    const rows: Row[] = await db('appointments').where('tenant', tenant);
    found.appointments = rows.filter(
      (row) =>
        rowMatches({ email: row.email ?? row.customer_email, phone: row.phone ?? row.customer_phone }, query) ||
        (row.conversation && conversationIds.has(String(row.conversation))) ||
        (row.lead && ids(found.leads).includes(String(row.lead))),
    );
  }
  // An appointment's consent goes with the person; the appointment itself stays as a bare slot.
  const appointmentConsents = found.appointments
    .map((row) => row.consent)
    .filter(Boolean)
    .map(String);
  found.consents = unique([...found.consents, ...(await whereIn(db, 'consents', tenant, 'id', appointmentConsents))]);
  const analytics = await columnsOf(db, 'analytics_events');
  if (analytics?.has('conversation') && conversationIds.size) {
    found.analytics = await whereIn(db, 'analytics_events', tenant, 'conversation', [...conversationIds]);
  }
  return found;
}

/** `column` contains `term`, ignoring case, with LIKE's wildcards in the term taken literally (SQLite and PostgreSQL). */
const contains = (column: string, term: string) => (q: Knex.QueryBuilder) => {
  const pattern = `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  q.whereRaw(`lower(??) like ? escape '\\'`, [column, pattern]);
};

/** Collections whose Directus history (revisions, activity) repeats the person's data. */
const HISTORY: [keyof Found, string][] = [
  ['leads', 'leads'],
  ['conversations', 'conversations'],
  ['messages', 'messages'],
  ['consents', 'consents'],
  ['appointments', 'appointments'],
];

/**
 * Erases what `findSubject` found: deletes leads, conversations, messages, consents, mails (queued or
 * sent) and linked analytics rows, keeps appointments as bare slots without the person's details, and
 * removes the Directus history (revisions and activity) of every one of these records. On SQLite the
 * freed pages are overwritten and the write-ahead log truncated, so nothing is left in the file either.
 */
export async function eraseFound(db: Knex, found: Found): Promise<Counts> {
  const sqlite = String(db.client.config.client).includes('sqlite');
  await db.transaction(async (trx) => {
    if (sqlite) await trx.raw('PRAGMA secure_delete = ON');
    const del = async (table: string, column: string, values: string[]) => {
      for (let i = 0; i < values.length; i += 500)
        await trx(table)
          .whereIn(column, values.slice(i, i + 500))
          .delete();
    };
    const appointmentColumns = await columnsOf(trx, 'appointments');
    if (appointmentColumns && found.appointments.length) {
      const blank = Object.fromEntries(
        [...APPOINTMENT_PERSONAL_COLUMNS, 'conversation', 'lead']
          .filter((column) => appointmentColumns.has(column))
          .map((column) => [column, null]),
      );
      if (Object.keys(blank).length) await trx('appointments').whereIn('id', ids(found.appointments)).update(blank);
    }
    if (found.mails.length) await del('carbot_outbox', 'id', ids(found.mails));
    if (found.analytics.length) await del('analytics_events', 'id', ids(found.analytics));
    await del('leads', 'id', ids(found.leads));
    await del('consents', 'id', ids(found.consents));
    await del('messages', 'id', ids(found.messages));
    await del('messages', 'conversation', ids(found.conversations));
    await del('conversations', 'id', ids(found.conversations));
    for (const [kind, collection] of HISTORY) {
      const items = ids(found[kind]);
      for (let i = 0; i < items.length; i += 500) {
        const chunk = items.slice(i, i + 500);
        const activity = await trx('directus_revisions')
          .where('collection', collection)
          .whereIn('item', chunk)
          .select('activity');
        await trx('directus_revisions').where('collection', collection).whereIn('item', chunk).delete();
        await trx('directus_activity').where('collection', collection).whereIn('item', chunk).delete();
        const orphaned = activity.map((row) => row.activity).filter(Boolean);
        if (orphaned.length) await trx('directus_activity').whereIn('id', orphaned).delete();
      }
    }
  });
  if (sqlite) await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  return countsOf(found);
}

/** Stores the proof of a handled request (counts and kinds of identifier only, see core's proofRecord). */
export async function recordProof(
  db: Knex,
  tenant: string,
  user: string | null,
  proof: ReturnType<typeof proofRecord>,
): Promise<void> {
  await db('privacy_requests').insert({
    id: randomUUID(),
    tenant,
    user_created: user,
    date_created: new Date(),
    ...proof,
    counts: JSON.stringify(proof.counts),
  });
}

type Services = {
  UtilsService: new (options: {
    schema: unknown;
    accountability: unknown;
  }) => { clearCache(o: { system: boolean }): Promise<unknown> };
};

/**
 * Directus may hold API answers in its data cache (Redis in a cluster); erased rows must not live on
 * there. Clearing the cache is an administrator's action in Directus; here the platform itself acts on
 * the erasure, so it acts as administrator for this one call.
 */
export async function clearDataCache(
  services: unknown,
  getSchema: () => Promise<unknown>,
  logger: { warn(message: string): void },
): Promise<void> {
  const utils = new (services as Services).UtilsService({
    schema: await getSchema(),
    accountability: { admin: true, app: false, user: null, role: null, roles: [], ip: null },
  });
  await utils.clearCache({ system: false }).catch((error: Error) => logger.warn(`Cache: ${error.message}`));
}

/** One tenant's purge: what is past its retention at `now`, erased like an erasure request. */
export async function purgeTenant(db: Knex, tenant: string, retention: Retention, now: Date): Promise<Counts> {
  const cut = cutoffs(now, retention);
  const found = emptyFound();
  found.conversations = await db('conversations')
    .where('tenant', tenant)
    .where((q) =>
      q
        .where('last_message_at', '<', cut.conversations)
        .orWhere((q2) => q2.whereNull('last_message_at').where('date_created', '<', cut.conversations)),
    );
  found.messages = await whereIn(db, 'messages', tenant, 'conversation', ids(found.conversations));
  found.leads = await db('leads').where('tenant', tenant).where('date_created', '<', cut.leads);
  // Consent proof outlives its lead by the limitation period; what no lead refers to goes after that.
  found.consents = await db('consents')
    .where('tenant', tenant)
    .where('date_created', '<', cut.orphanConsents)
    .whereNotIn('id', db('leads').whereNotNull('consent').whereNotIn('id', ids(found.leads)).select('consent'));
  // Delivered (or given-up) notifications are kept as long as conversations, then they go too.
  if (await db.schema.hasTable('carbot_outbox')) {
    found.mails = await db('carbot_outbox')
      .where('tenant', tenant)
      .where('created_at', '<', cut.conversations)
      .where((q) => q.whereNotNull('sent_at').orWhere('attempts', '>=', 30));
  }
  const counts = await eraseFound(db, found);
  // Raw analytics events (pseudonymous page views and widget events) go with the conversations' retention;
  // their daily rollups (counts only) stay. Counted in the report, but no reason for a proof record:
  // nothing in them names a person.
  if (await db.schema.hasTable('analytics_events')) {
    const lastDay = berlinDay(cut.conversations);
    counts.analytics += await db('analytics_events').where('tenant', tenant).where('day', '<', lastDay).del();
  }
  return counts;
}

/**
 * The purge under the lease `retention` in carbot_leases (core/src/ops/lease.ts), shared by the schedule
 * and the manual run: one run at a time across instances, renewed while it lasts, a dead holder's lease
 * expires after ten minutes. `tick` (the cron time) makes a scheduled run once per night across instances.
 * The report is kept with the lease for the Datenschutz page.
 */
export function runRetention(db: Knex, tick?: number): Promise<LeaseResult<RetentionReport>> {
  return withLease(db, 'retention', { ttlMs: 10 * 60_000, tick, report: (report) => report }, () => purgeAll(db));
}

/** The last successful purge's report, or null (never ran, or before the migrations). */
export async function lastRetention(db: Knex): Promise<RetentionReport | null> {
  if (!(await db.schema.hasTable(LEASES_TABLE))) return null;
  const lease = await db(LEASES_TABLE).where('name', 'retention').first('last_report');
  return lease?.last_report ? (JSON.parse(String(lease.last_report)) as RetentionReport) : null;
}

export type RetentionReport = { at: string; tenants: Record<string, Counts> };

/** The nightly purge over all tenants, each with its own retention; counts per tenant, proofs where something went. */
export async function purgeAll(db: Knex, now = new Date()): Promise<RetentionReport> {
  const tenants = await db('tenants').select('id', 'plan', 'retention_conversations_days', 'retention_leads_months');
  const report: RetentionReport = { at: now.toISOString(), tenants: {} };
  for (const t of tenants) {
    const retention = effectiveRetention(t.plan, {
      conversationsDays: t.retention_conversations_days,
      leadsMonths: t.retention_leads_months,
    });
    const counts = await purgeTenant(db, String(t.id), retention, now);
    report.tenants[String(t.id)] = counts;
    if (total(counts) - counts.analytics > 0) {
      const query = { email: null, phone: null, conversation: null };
      await recordProof(db, String(t.id), null, proofRecord({ kind: 'erasure', query, counts, source: 'retention' }));
    }
  }
  return report;
}
