/**
 * Pull schedules: one of a few intervals, from every 15 minutes to daily. A feed is due when its last run
 * is at least one interval ago; a feed that never ran is due at once.
 */
export const SCHEDULES = { '15m': 15, '30m': 30, '1h': 60, '3h': 180, '6h': 360, '12h': 720, '24h': 1440 } as const;
export type Schedule = keyof typeof SCHEDULES;
export const DEFAULT_SCHEDULE: Schedule = '1h';

export const intervalMs = (schedule: string | null | undefined): number =>
  (SCHEDULES[(schedule ?? '') as Schedule] ?? SCHEDULES[DEFAULT_SCHEDULE]) * 60_000;

export function isDue(lastRunAt: Date | null, schedule: string | null | undefined, now: Date): boolean {
  if (lastRunAt === null || Number.isNaN(lastRunAt.getTime())) return true;
  return now.getTime() - lastRunAt.getTime() >= intervalMs(schedule);
}
