/**
 * schema/ is the truth: the database built from it must match it exactly, applying it again must change
 * nothing, and a change made only in the database must show up as drift.
 */
import { describe, expect, inject, test } from 'vitest';
import { applyAccess, diffAccess } from '../../scripts/lib/access.ts';
import { adminClient } from '../../scripts/lib/directus-client.ts';
import { checkDirectus } from '../../scripts/lib/platform.ts';
import { preparationFingerprint, preparedFingerprint, recordPreparation } from '../../scripts/lib/preparation.ts';
import { applySchemaFiles, diffAgainstFiles } from '../../scripts/lib/schema.ts';
import { seedBase, seedDemo } from '../../scripts/lib/seed.ts';
import { admin } from '../support/http.ts';

const client = () => adminClient(inject('directusUrl'), inject('adminToken'));

describe('schema as code', () => {
  test('the database matches schema/ and schema/access.ts', async () => {
    const { summary } = await diffAgainstFiles(client(), { prune: true });
    expect(summary.changes.join('\n')).toBe('');
    const { report } = await diffAccess(client());
    expect(report).toEqual({ created: [], updated: [], removed: [] });
  });

  test('applying schema, access and seeds again changes nothing', async () => {
    expect((await applySchemaFiles(client(), { prune: false })).changes).toEqual([]);
    expect(await applyAccess(client())).toEqual({ created: [], updated: [], removed: [] });
    const messages: string[] = [];
    const counts = async () => (await admin().get('/items/services?aggregate[count]=*')).body.data[0].count;
    const before = await counts();
    await seedBase(client(), (m) => messages.push(m));
    await seedDemo(client(), (m) => messages.push(m));
    expect(messages[0]).toContain('0 Sprachen, 0 Tarife, 0 Vorlagen');
    expect(messages.slice(1).every((m) => m.includes('vorhanden, unverändert'))).toBe(true);
    expect(await counts()).toBe(before);
  });

  test('a field added only in the database is reported as drift', async () => {
    const created = await admin().post('/fields/leads', {
      field: 'drift_probe',
      type: 'string',
      meta: { interface: 'input', note: 'Wie im Admin angelegt' },
    });
    expect(created.status, created.text).toBe(200);
    try {
      const { summary } = await diffAgainstFiles(client(), { prune: true });
      expect(summary.removals).toContain('field leads.drift_probe');
    } finally {
      await admin().delete('/fields/leads/drift_probe');
    }
  });

  test('a permission changed in the admin is reported and restored', async () => {
    const perms = await admin().get(
      '/permissions?filter[collection][_eq]=leads&filter[action][_eq]=read&filter[policy][name][_eq]=Workshop%20Staff',
    );
    const id = perms.body.data[0].id;
    await admin().patch(`/permissions/${id}`, { permissions: {} });
    const { report } = await diffAccess(client());
    expect(report.updated).toEqual(['Workshop Staff leads:read']);
    await applyAccess(client());
    expect((await diffAccess(client())).report.updated).toEqual([]);
  });

  test('a start on a prepared database still puts back a permission changed in the admin', async () => {
    const perms = await admin().get(
      '/permissions?filter[collection][_eq]=leads&filter[action][_eq]=read&filter[policy][name][_eq]=Workshop%20Staff',
    );
    await admin().patch(`/permissions/${perms.body.data[0].id}`, { permissions: {} });
    const messages: string[] = [];
    await checkDirectus(inject('directusEnv'), (m) => messages.push(m));
    expect(messages).toEqual(['Rollen & Rechte: 1 Berechtigung wie in schema/access.ts wiederhergestellt']);
    expect((await diffAccess(client())).report.updated).toEqual([]);
  });

  test('the fingerprint of a preparation is kept in the database and replaced by the next one', async () => {
    const env = inject('directusEnv');
    const fingerprint = preparationFingerprint(env);
    await recordPreparation(env, 'an-older-checkout');
    expect(await preparedFingerprint(env)).toBe('an-older-checkout');
    await recordPreparation(env, fingerprint);
    expect(await preparedFingerprint(env)).toBe(fingerprint);
  });
});
