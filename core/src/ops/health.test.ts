import { describe, expect, test } from 'vitest';
import {
  type Check,
  outboxCheck,
  probeCheck,
  readiness,
  scheduleCheck,
  searchLagCheck,
  tokenMatches,
  worst,
} from './health.ts';

const NOW = Date.parse('2026-11-29T03:00:00Z');
const SERVICE = { description: 'CarBot Directus', releaseId: '0.1.0', serviceId: 'directus-1' };
const pass: Check = { status: 'pass' };
const warn: Check = { status: 'warn' };
const fail: Check = { status: 'fail' };

test.each<[Check['status'][], Check['status']]>([
  [[], 'pass'],
  [['pass', 'pass'], 'pass'],
  [['pass', 'warn'], 'warn'],
  [['warn', 'fail', 'pass'], 'fail'],
])('worst(%j) = %s', (statuses, expected) => {
  expect(worst(statuses)).toBe(expected);
});

describe('readiness', () => {
  test.each<[string, Record<string, Check[]>, boolean, Check['status'], number]>([
    ['all pass', { 'database:responseTime': [pass] }, false, 'pass', 200],
    ['a warning keeps the instance in the balancer', { db: [pass], outbox: [warn] }, false, 'warn', 200],
    ['a failed dependency takes it out', { db: [fail], outbox: [pass] }, false, 'fail', 503],
    ['draining fails at once, whatever the checks say', { db: [pass] }, true, 'fail', 503],
  ])('%s', (_name, checks, draining, status, httpStatus) => {
    const publicView = readiness(SERVICE, checks, { draining, detailed: false });
    expect(publicView).toEqual({ httpStatus, body: { status } });
    const detailed = readiness(SERVICE, checks, { draining, detailed: true });
    expect(detailed.httpStatus).toBe(httpStatus);
    expect(detailed.body).toMatchObject({ status, version: '1', ...SERVICE, checks });
    expect('output' in detailed.body).toBe(draining);
  });
});

test.each<[string | null | undefined, string | null | undefined, boolean]>([
  ['geheim', 'geheim', true],
  ['geheim', 'geheiM', false],
  ['geheim', 'geheim2', false],
  ['', '', false],
  [null, 'geheim', false],
  ['geheim', undefined, false],
])('tokenMatches(%s, %s)', (given, expected, ok) => {
  expect(tokenMatches(given, expected)).toBe(ok);
});

test.each<[number | null, Check['status'], number]>([
  [null, 'pass', 0],
  [NOW - 60_000, 'pass', 60],
  [NOW - 300_000, 'warn', 300],
  [NOW - 1_800_000, 'fail', 1800],
  [NOW + 5000, 'pass', 0],
])('outbox with oldest unsent at %s', (oldest, status, age) => {
  expect(outboxCheck(oldest, NOW)).toMatchObject({ status, observedValue: age, observedUnit: 's' });
});

test.each<[number | null, Check['status']]>([
  [null, 'pass'],
  [NOW - 2000, 'pass'],
  [NOW - 300_000, 'warn'],
])('search lag since %s', (since, status) => {
  expect(searchLagCheck(since, NOW).status).toBe(status);
});

describe('scheduleCheck', () => {
  const run = { name: 'outbox', lastStartedAt: NOW - 10_000, lastFinishedAt: NOW - 9000, lastError: null };
  test.each<[string, Parameters<typeof scheduleCheck>[0], number | undefined, Check['status'], string | undefined]>([
    ['ran recently', run, 60_000, 'pass', undefined],
    ['no expectation', { ...run, lastFinishedAt: NOW - 86_400_000 }, undefined, 'pass', undefined],
    ['overdue', { ...run, lastFinishedAt: NOW - 120_000 }, 60_000, 'warn', 'Überfällig'],
    ['never ran but expected', { ...run, lastStartedAt: null, lastFinishedAt: null }, 60_000, 'warn', 'Überfällig'],
    ['last run failed', { ...run, lastError: 'SMTP weg' }, 60_000, 'warn', 'SMTP weg'],
  ])('%s', (_name, r, overdue, status, output) => {
    const check = scheduleCheck(r, NOW, overdue);
    expect(check.status).toBe(status);
    if (output) expect(check.output).toContain(output);
    else expect(check.output).toBeUndefined();
  });
});

test.each<[Parameters<typeof probeCheck>[0], Parameters<typeof probeCheck>[2], Partial<Check>]>([
  [{ ok: true, ms: 1.234 }, {}, { status: 'pass', observedValue: 1.2, observedUnit: 'ms', componentType: 'datastore' }],
  [{ ok: false, error: 'ECONNREFUSED' }, {}, { status: 'fail', output: 'ECONNREFUSED' }],
  [{ ok: false, error: 'timeout' }, { failStatus: 'warn', componentType: 'component' }, { status: 'warn' }],
])('probeCheck %j', (result, options, expected) => {
  expect(probeCheck(result, NOW, options)).toMatchObject(expected);
});
