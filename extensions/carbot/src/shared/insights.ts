/**
 * What the owner's dashboard (Einblicke) shows for one tenant and period, read with plain knex pinned to
 * the tenant the caller has established: rollups for past days, today's raw events live, costs from the
 * conversations, and the unanswered questions from the raw `answer_none` events with their messages.
 */
import { type Granularity, series, totals } from '@carbot/core/analytics/rollup';
import { groupQuestions } from '@carbot/core/analytics/unanswered';
import { berlinDay } from '@carbot/core/analytics/visitor';
import type { Knex } from 'knex';

export type InsightsQuery = { from: string; to: string; granularity: Granularity; workshop?: string | null };

/** Unanswered questions looked at per request: enough to group, bounded however long the period. */
const UNANSWERED_LIMIT = 500;
const num = (v: unknown) => Number(v ?? 0) || 0;

/** Start of a German day as a Date (for timestamp columns): midnight Berlin, whatever the offset. */
function dayStart(day: string): Date {
  const guess = Date.parse(`${day}T00:00:00Z`);
  for (const offset of [-1, -2, 0]) {
    const t = guess + offset * 3_600_000;
    if (berlinDay(t) === day && berlinDay(t - 1) !== day) return new Date(t);
  }
  return new Date(guess);
}
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function loadInsights(db: Knex, tenant: string, q: InsightsQuery, now: number = Date.now()) {
  const today = berlinDay(now);
  const scoped = <T extends Knex.QueryBuilder>(query: T, table = ''): T => {
    query.where(`${table}tenant`, tenant);
    if (q.workshop) query.where(`${table}workshop`, q.workshop);
    return query;
  };
  const liveToday = q.from <= today && today <= q.to;
  const [rolled, pathsRolled, todayTypes, todayPaths] = await Promise.all([
    scoped(
      db('analytics_daily')
        .select('day', 'metric')
        .sum({ value: 'value' })
        .where('dimension', '')
        .whereBetween('day', [q.from, q.to])
        .where('day', '<', today)
        .groupBy('day', 'metric'),
    ),
    scoped(
      db('analytics_daily')
        .select({ path: 'dimension' })
        .sum({ value: 'value' })
        .where('metric', 'page_path')
        .whereBetween('day', [q.from, q.to])
        .where('day', '<', today)
        .groupBy('dimension')
        .orderBy('value', 'desc')
        .limit(20),
    ),
    liveToday
      ? scoped(
          db('analytics_events')
            .select('type')
            .count({ n: '*' })
            .countDistinct({ visitors: 'visitor' })
            .where('day', today)
            .groupBy('type'),
        )
      : Promise.resolve([]),
    liveToday
      ? scoped(
          db('analytics_events')
            .select('path')
            .count({ n: '*' })
            .where('day', today)
            .where('type', 'page_view')
            .groupBy('path')
            .orderBy('n', 'desc')
            .limit(20),
        )
      : Promise.resolve([]),
  ]);
  const sums = (rolled as { day: string; metric: string; value: unknown }[]).map((r) => ({
    day: String(r.day),
    metric: String(r.metric),
    value: num(r.value),
  }));
  for (const r of todayTypes as { type: string; n: unknown; visitors: unknown }[]) {
    sums.push({ day: today, metric: r.type, value: num(r.n) });
    if (r.type === 'page_view') sums.push({ day: today, metric: 'visitors', value: num(r.visitors) });
  }
  const pages = new Map<string, number>();
  for (const r of pathsRolled as { path: string; value: unknown }[]) pages.set(r.path, num(r.value));
  for (const r of todayPaths as { path: string | null; n: unknown }[]) {
    const path = r.path ?? '/';
    pages.set(path, (pages.get(path) ?? 0) + num(r.n));
  }
  const topPages = [...pages.entries()]
    .map(([path, views]) => ({ path, views }))
    .sort((a, b) => b.views - a.views)
    .slice(0, 10);

  const start = dayStart(q.from);
  const end = dayStart(nextDay(q.to));
  const [conv, leadCount, unanswered] = await Promise.all([
    scoped(db('conversations').where('date_created', '>=', start).where('date_created', '<', end))
      .count({ n: '*' })
      .sum({ cost: 'cost_eur' })
      .first(),
    scoped(db('leads').where('date_created', '>=', start).where('date_created', '<', end))
      .count({ n: '*' })
      .first(),
    // The latest unanswered questions: newest days first straight from the (tenant, type, day) index, so a
    // long period costs no more than a short one; their texts from the messages by id.
    scoped(
      db('analytics_events')
        .select('message', 'date_created')
        .where('type', 'answer_none')
        .whereNotNull('message')
        .whereBetween('day', [q.from, q.to])
        .orderBy('day', 'desc')
        .limit(UNANSWERED_LIMIT),
    ),
  ]);
  const ids = [...new Set((unanswered as { message: string }[]).map((r) => String(r.message)))];
  const texts = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db('messages')
      .where('tenant', tenant)
      .whereIn('id', ids.slice(i, i + 500))
      .select('id', 'content');
    for (const r of rows) texts.set(String(r.id), String(r.content ?? ''));
  }
  const conversations = num(conv?.n);
  const cost = Math.round(num(conv?.cost) * 10_000) / 10_000;
  const leads = num(leadCount?.n);
  const sum = totals(sums);
  return {
    period: { from: q.from, to: q.to, granularity: q.granularity, today },
    totals: { ...sum, conversion: sum.visitors ? (sum.lead + sum.booking) / sum.visitors : null },
    series: series(sums, q.from, q.to, q.granularity),
    topPages,
    cost: {
      eur: cost,
      conversations,
      leads,
      perConversation: conversations ? cost / conversations : null,
      perLead: leads ? cost / leads : null,
    },
    unanswered: groupQuestions(
      (unanswered as { message: string; date_created: unknown }[]).flatMap((r) => {
        const text = texts.get(String(r.message));
        return text ? [{ text, at: new Date(r.date_created as string | number).toISOString() }] : [];
      }),
      30,
    ),
  };
}
