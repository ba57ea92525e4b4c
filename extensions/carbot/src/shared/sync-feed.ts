import { LEASES_TABLE, withLease } from '@carbot/core/ops/lease';
import { ROLE } from '@carbot/core/roles';
import type { Knex } from 'knex';
import { enqueueMail } from './outbox.js';
import { type FileImporter, type ImageProblem, syncImages } from './sync-images.js';
import { loadFeed, type RunReport, recordNotModified, runDelivery, type Trigger } from './sync-run.js';
import { checkFetchUrl } from './sync-url.js';

/**
 * One run of one feed from start to end: the lease, the delivery (pushed, uploaded or pulled with a
 * conditional GET), the vehicles, their images, and what follows (websites, search index, a mail to the
 * owner when a feed starts failing).
 */
export type SyncContext = {
  db: Knex;
  importFile: FileImporter;
  /** Tells the rest of CarBot (site cache purge, search index) which vehicles the run changed. */
  announce: (vehicleIds: string[]) => Promise<void>;
  adminUrl: string;
  settings: SyncSettings;
};

export type SyncSettings = {
  leaseMs: number;
  leaseWaitMs: number;
  pullTimeoutMs: number;
  maxFeedBytes: number;
  allowPrivateUrls: boolean;
  images: { concurrency: number; timeoutMs: number; maxBytes: number };
};

export function syncSettings(env: Record<string, unknown>): SyncSettings {
  const n = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    leaseMs: n('CARBOT_SYNC_LEASE_SECONDS', 120) * 1000,
    leaseWaitMs: n('CARBOT_SYNC_LEASE_WAIT_SECONDS', 60) * 1000,
    pullTimeoutMs: n('CARBOT_SYNC_PULL_TIMEOUT_SECONDS', 60) * 1000,
    maxFeedBytes: n('CARBOT_SYNC_MAX_MB', 50) * 1024 * 1024,
    allowPrivateUrls: String(env.CARBOT_SYNC_ALLOW_PRIVATE_URLS ?? '') === 'true',
    images: {
      concurrency: n('CARBOT_SYNC_IMAGE_CONCURRENCY', 4),
      timeoutMs: n('CARBOT_SYNC_IMAGE_TIMEOUT_SECONDS', 15) * 1000,
      maxBytes: n('CARBOT_SYNC_IMAGE_MAX_MB', 15) * 1024 * 1024,
    },
  };
}

export type FeedRun =
  | { kind: 'done'; report: RunReport; images: { downloaded: number; reused: number; problems: ImageProblem[] } }
  | { kind: 'busy' }
  | { kind: 'missing' };

type Source = { bytes: Uint8Array } | { pull: true };

type Pulled =
  | { bytes: Buffer; etag: string | null; lastModified: string | null }
  | { notModified: true }
  | { failure: string };

async function pull(
  url: string | null,
  validators: { etag: string | null; last_modified: string | null },
  s: SyncSettings,
): Promise<Pulled> {
  if (!url) return { failure: 'Für diesen Feed ist keine Adresse hinterlegt.' };
  try {
    await checkFetchUrl(url, s.allowPrivateUrls);
    const headers: Record<string, string> = { accept: 'application/json, text/csv, text/plain;q=0.9, */*;q=0.5' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.last_modified) headers['if-modified-since'] = validators.last_modified;
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(s.pullTimeoutMs), redirect: 'follow' });
    if (res.status === 304) return { notModified: true };
    if (!res.ok) return { failure: `Die Quelle antwortet mit HTTP ${res.status}.` };
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > s.maxFeedBytes) return { failure: 'Die Datei der Quelle ist zu groß.' };
    const bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.byteLength > s.maxFeedBytes) return { failure: 'Die Datei der Quelle ist zu groß.' };
    return { bytes, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
  } catch (error) {
    const e = error as Error;
    return {
      failure:
        e.name === 'TimeoutError'
          ? 'Die Quelle hat nicht rechtzeitig geantwortet.'
          : `Die Quelle ist nicht erreichbar: ${e.message}`,
    };
  }
}

async function notifyOwner(ctx: SyncContext, feedId: string, report: RunReport): Promise<void> {
  const feed = await ctx
    .db('inventory_feeds')
    .select('tenant', 'name', 'failure_notified_at')
    .where('id', feedId)
    .first();
  if (!feed) return;
  const failing = report.status === 'failed' || report.status === 'refused';
  if (!failing) {
    if (feed.failure_notified_at)
      await ctx.db('inventory_feeds').where('id', feedId).update({ failure_notified_at: null });
    return;
  }
  // Once per failure streak: the stamp is set atomically, so two instances never both mail.
  const claimed = await ctx
    .db('inventory_feeds')
    .where('id', feedId)
    .whereNull('failure_notified_at')
    .update({ failure_notified_at: new Date() });
  if (!claimed) return;
  const owners = await ctx
    .db('directus_users')
    .select('email')
    .where({ tenant: feed.tenant, role: ROLE.owner, status: 'active' })
    .whereNotNull('email');
  const what = report.status === 'refused' ? 'wurde angehalten' : 'ist fehlgeschlagen';
  for (const owner of owners as { email: string }[]) {
    await enqueueMail(ctx.db, {
      tenant: String(feed.tenant),
      to: owner.email,
      subject: `Fahrzeug-Feed „${feed.name}“: Abgleich ${what}`,
      text: [
        'Guten Tag,',
        '',
        `der Abgleich Ihres Fahrzeug-Feeds „${feed.name}“ ${what}:`,
        '',
        report.message ?? '',
        '',
        'Ihr Fahrzeugbestand auf der Website bleibt bis zum nächsten erfolgreichen Lauf, wie er war.',
        `Details: ${ctx.adminUrl}/content/sync_runs/${report.run}`,
        '',
        'Diese Nachricht kommt einmal; nach dem nächsten erfolgreichen Lauf melden wir uns wieder, falls erneut etwas schiefgeht.',
        '',
        'Ihr CarBot',
      ].join('\n'),
    });
  }
}

/**
 * A feed's run holds the lease `feed-sync:<feed>` in carbot_leases (core/src/ops/lease.ts), the lock every
 * scheduled job uses: one run per feed at a time across all instances. A delivery waits up to
 * `leaseWaitMs` for a run in progress; the schedule does not wait.
 */
export const feedLease = (feed: string) => `feed-sync:${feed}`;

type DueCheck = (feed: { last_run_at: string | null; schedule: string | null }) => boolean;

export async function runFeed(
  ctx: SyncContext,
  feedId: string,
  trigger: Trigger,
  source: Source,
  confirm = false,
  stillDue?: DueCheck,
): Promise<FeedRun> {
  const initial = await loadFeed(ctx.db, feedId);
  if (!initial) return { kind: 'missing' };
  const leased = await withLease(
    ctx.db,
    feedLease(feedId),
    { ttlMs: ctx.settings.leaseMs, waitMs: ctx.settings.leaseWaitMs },
    async () => {
      // Read again under the lease: the previous holder may have changed validators or the confirmation.
      const feed = await loadFeed(ctx.db, feedId);
      if (!feed) return { kind: 'missing' as const };
      if (stillDue) {
        const row = await ctx.db('inventory_feeds').select('last_run_at', 'schedule').where('id', feedId).first();
        if (row && !stillDue(row)) return { kind: 'busy' as const };
      }
      let report: RunReport;
      let validators: { etag: string | null; lastModified: string | null } | null = null;
      if ('pull' in source) {
        const pulled = await pull(feed.url, feed, ctx.settings);
        if ('notModified' in pulled) report = await recordNotModified(ctx.db, feed, trigger);
        else if ('failure' in pulled)
          report = await runDelivery(ctx.db, feed, { failure: pulled.failure }, { trigger, confirm });
        else {
          report = await runDelivery(ctx.db, feed, { bytes: pulled.bytes }, { trigger, confirm });
          validators = { etag: pulled.etag, lastModified: pulled.lastModified };
        }
      } else report = await runDelivery(ctx.db, feed, { bytes: source.bytes }, { trigger, confirm });

      // A refused or failed run keeps the old validators, so the same file is read again next time.
      if (validators && (report.status === 'ok' || report.status === 'partial'))
        await ctx
          .db('inventory_feeds')
          .where('id', feed.id)
          .update({ etag: validators.etag, last_modified: validators.lastModified });

      let images = { downloaded: 0, reused: 0, problems: [] as ImageProblem[], changed: [] as string[] };
      if (report.status === 'ok' || report.status === 'partial')
        images = await syncImages(ctx.db, feed, ctx.importFile, {
          ...ctx.settings.images,
          allowPrivate: ctx.settings.allowPrivateUrls,
        });
      const changed = [...new Set([...report.changed, ...images.changed])];
      if (changed.length > 0) await ctx.announce(changed);
      await notifyOwner(ctx, feed.id, report);
      return { kind: 'done' as const, report, images };
    },
  );
  // The feed was deleted while this call waited for its lease: taking the lease wrote the row again after
  // the delete hook (sync-feeds) removed it.
  if (leased.ran && leased.value.kind === 'missing')
    await ctx.db(LEASES_TABLE).where('name', feedLease(feedId)).delete();
  return leased.ran ? (leased.value as FeedRun) : { kind: 'busy' };
}
