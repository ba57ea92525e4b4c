/**
 * When a run should refresh the database's planner statistics of `vehicles`. A dealer's first import
 * takes a workshop from no vehicles to thousands at once; until PostgreSQL's autovacuum analyses the
 * table (a minute later at best, never where it is switched off) the planner still expects a handful of
 * rows and joins the workshop once per vehicle, which made the website's vehicle list several times
 * slower. Small day-to-day runs leave the distribution as it was and cost no ANALYZE.
 */
export const STATISTICS_MIN_ROWS = 100;
export const STATISTICS_MIN_SHARE = 0.2;

export type StatisticsInput = {
  /** The feed's vehicles before the run (any status). */
  before: number;
  created: number;
  /** Marked as sold: they leave the website's list. */
  removed: number;
};

export function statisticsStale({ before, created, removed }: StatisticsInput): boolean {
  const moved = created + removed;
  return moved >= STATISTICS_MIN_ROWS && moved >= STATISTICS_MIN_SHARE * before;
}
