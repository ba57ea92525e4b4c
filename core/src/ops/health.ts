/**
 * Health reports in the IETF health-check format (draft-inadarei-api-health-check,
 * `application/health+json`): `pass`, `warn` or `fail`, per check a list of observations. Liveness says
 * the process answers; readiness says it should get traffic. The public sees only the status; the
 * details (what is slow, which job failed) need the health token.
 */
import { timingSafeEqual } from 'node:crypto';

export type Status = 'pass' | 'warn' | 'fail';

export type Check = {
  status: Status;
  componentType?: 'datastore' | 'component' | 'system';
  observedValue?: number | string | boolean;
  observedUnit?: string;
  time?: string;
  output?: string;
};

export type HealthDocument = {
  status: Status;
  version?: string;
  releaseId?: string;
  serviceId?: string;
  description?: string;
  output?: string;
  checks?: Record<string, Check[]>;
};

export const HEALTH_CONTENT_TYPE = 'application/health+json';

const RANK: Record<Status, number> = { pass: 0, warn: 1, fail: 2 };

export function worst(statuses: Status[]): Status {
  return statuses.reduce<Status>((a, b) => (RANK[b] > RANK[a] ? b : a), 'pass');
}

/**
 * The answer to a readiness request: fails while the process drains (it is shutting down) or any check
 * fails; warns do not take an instance out of the balancer. 503 on fail, as load balancers expect.
 */
export function readiness(
  service: { description: string; releaseId: string; serviceId: string },
  checks: Record<string, Check[]>,
  options: { draining: boolean; detailed: boolean },
): { httpStatus: number; body: HealthDocument } {
  const statuses = Object.values(checks).flatMap((list) => list.map((c) => c.status));
  const status = options.draining ? 'fail' : worst(statuses);
  const httpStatus = status === 'fail' ? 503 : 200;
  if (!options.detailed) return { httpStatus, body: { status } };
  return {
    httpStatus,
    body: {
      status,
      version: '1',
      ...service,
      ...(options.draining ? { output: 'Wird beendet: nimmt keine neuen Anfragen mehr an.' } : {}),
      checks,
    },
  };
}

/** Whether a presented token is the configured one (constant time; no token configured = never). */
export function tokenMatches(given: string | null | undefined, expected: string | null | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Age of the oldest mail not yet sent: minutes are normal during retries, half an hour is an outage. */
export function outboxCheck(oldestUnsentMs: number | null, now: number): Check {
  const age = oldestUnsentMs === null ? 0 : Math.max(0, Math.round((now - oldestUnsentMs) / 1000));
  const status: Status = age >= 1800 ? 'fail' : age >= 300 ? 'warn' : 'pass';
  return {
    status,
    componentType: 'component',
    observedValue: age,
    observedUnit: 's',
    time: iso(now),
    ...(status !== 'pass' ? { output: `Älteste ungesendete E-Mail wartet seit ${Math.round(age / 60)} min.` } : {}),
  };
}

/** Seconds since the oldest change the chat's search index has not taken in yet. */
export function searchLagCheck(pendingSinceMs: number | null, now: number): Check {
  const lag = pendingSinceMs === null ? 0 : Math.max(0, (now - pendingSinceMs) / 1000);
  const status: Status = lag >= 300 ? 'warn' : 'pass';
  return {
    status,
    componentType: 'component',
    observedValue: Math.round(lag * 10) / 10,
    observedUnit: 's',
    time: iso(now),
    ...(status !== 'pass' ? { output: 'Suchindex hängt hinter den Inhalten zurück.' } : {}),
  };
}

export type ScheduleRun = {
  name: string;
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastError: string | null;
};

/**
 * The last run of a scheduled job: a failed last run warns, and so does a job that has not finished
 * within `overdueMs` (when known) — the job is late, not the instance broken.
 */
export function scheduleCheck(run: ScheduleRun, now: number, overdueMs?: number): Check {
  const last = run.lastFinishedAt ?? run.lastStartedAt;
  const overdue = overdueMs !== undefined && (last === null || now - last > overdueMs);
  const status: Status = run.lastError || overdue ? 'warn' : 'pass';
  return {
    status,
    componentType: 'component',
    observedValue: last === null ? 'nie' : iso(last),
    ...(last !== null ? { time: iso(last) } : {}),
    ...(run.lastError
      ? { output: `Letzter Lauf fehlgeschlagen: ${run.lastError}` }
      : overdue
        ? { output: 'Überfällig: kein Lauf im erwarteten Abstand.' }
        : {}),
  };
}

/** A dependency probed with a round trip: its latency, or why it failed. */
export function probeCheck(
  result: { ok: true; ms: number } | { ok: false; error: string },
  now: number,
  options: { componentType?: Check['componentType']; failStatus?: Status } = {},
): Check {
  return result.ok
    ? {
        status: 'pass',
        componentType: options.componentType ?? 'datastore',
        observedValue: Math.round(result.ms * 10) / 10,
        observedUnit: 'ms',
        time: iso(now),
      }
    : {
        status: options.failStatus ?? 'fail',
        componentType: options.componentType ?? 'datastore',
        time: iso(now),
        output: result.error.slice(0, 300),
      };
}
