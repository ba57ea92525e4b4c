/**
 * Daily rollups of the raw events: one row per workshop, day, metric and dimension (a page's path, or ''
 * for the total). Rollups hold counts only; the raw events behind them are purged with the tenant's
 * retention, the rollups stay. Visitors are distinct hashes per day: the salt changes daily, so a week's
 * "visitors" is the sum of its days (visits), never a count of people across days.
 */
import { EVENT_TYPES, type EventType } from './events.ts';

export type RollupRow = {
  tenant: string;
  workshop: string;
  day: string;
  metric: string;
  dimension: string;
  value: number;
};

export type TypeCount = { tenant: string; workshop: string; type: string; n: number; visitors: number };
export type PathCount = { tenant: string; workshop: string; path: string; n: number };

/** Pages kept per workshop and day: the long tail of one-off addresses says nothing and costs rows. */
export const TOP_PATHS_PER_DAY = 50;

/** The rollup rows of one day from the grouped counts of its raw events. */
export function rollupRows(day: string, types: TypeCount[], paths: PathCount[]): RollupRow[] {
  const rows: RollupRow[] = [];
  for (const t of types) {
    if (!(EVENT_TYPES as readonly string[]).includes(t.type)) continue;
    const base = { tenant: t.tenant, workshop: t.workshop, day, dimension: '' };
    rows.push({ ...base, metric: t.type, value: Number(t.n) });
    if (t.type === 'page_view') rows.push({ ...base, metric: 'visitors', value: Number(t.visitors) });
  }
  const byWorkshop = new Map<string, PathCount[]>();
  for (const p of paths) byWorkshop.set(p.workshop, [...(byWorkshop.get(p.workshop) ?? []), p]);
  for (const list of byWorkshop.values()) {
    list.sort((a, b) => Number(b.n) - Number(a.n) || a.path.localeCompare(b.path));
    for (const p of list.slice(0, TOP_PATHS_PER_DAY)) {
      rows.push({
        tenant: p.tenant,
        workshop: p.workshop,
        day,
        metric: 'page_path',
        dimension: p.path,
        value: Number(p.n),
      });
    }
  }
  return rows;
}

export type Granularity = 'day' | 'week' | 'month';

/** The bucket a day falls into: the day, the Monday of its ISO week, or the month's first day. */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export const SERIES_METRICS = ['visitors', 'page_view', 'chat_open', 'question', 'lead', 'booking'] as const;
export type SeriesPoint = { bucket: string } & Record<(typeof SERIES_METRICS)[number], number> & {
    conversion: number | null;
  };

/**
 * Metric sums per bucket over a period, every bucket present (zeros where nothing happened), and the
 * conversion (leads and bookings per visitor) of each bucket.
 */
export function series(
  sums: { day: string; metric: string; value: number }[],
  from: string,
  to: string,
  granularity: Granularity,
): SeriesPoint[] {
  const buckets = new Map<string, SeriesPoint>();
  for (const day of daysBetween(from, to)) {
    const b = bucketOf(day, granularity);
    if (!buckets.has(b)) {
      buckets.set(b, {
        bucket: b,
        visitors: 0,
        page_view: 0,
        chat_open: 0,
        question: 0,
        lead: 0,
        booking: 0,
        conversion: null,
      });
    }
  }
  for (const s of sums) {
    const point = buckets.get(bucketOf(s.day, granularity));
    if (point && (SERIES_METRICS as readonly string[]).includes(s.metric)) {
      point[s.metric as (typeof SERIES_METRICS)[number]] += Number(s.value);
    }
  }
  for (const p of buckets.values()) p.conversion = p.visitors ? (p.lead + p.booking) / p.visitors : null;
  return [...buckets.values()];
}

/** Totals of a period by metric, every event type present. */
export function totals(sums: { metric: string; value: number }[]): Record<EventType | 'visitors', number> {
  const out = Object.fromEntries([...EVENT_TYPES, 'visitors'].map((t) => [t, 0])) as Record<
    EventType | 'visitors',
    number
  >;
  for (const s of sums) if (s.metric in out) out[s.metric as EventType] += Number(s.value);
  return out;
}
