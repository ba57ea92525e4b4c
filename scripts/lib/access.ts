import {
  createPermissions,
  createPolicy,
  createRole,
  customEndpoint,
  deletePermissions,
  readPermissions,
  readPolicies,
  readRoles,
  updatePermission,
  updatePolicy,
  updateRole,
} from '@directus/sdk';
import { type Permission, policies, roles } from '../../schema/access.ts';
import type { Client } from './directus-client.ts';
import { readSchemaFiles } from './schema.ts';

/** Field names per collection as `schema/` defines them (system collections: their custom fields + id). */
export function schemaFieldsOf(): (collection: string) => string[] {
  const snapshot = readSchemaFiles();
  const byCollection = new Map<string, string[]>();
  for (const f of snapshot.fields) {
    const list = byCollection.get(f.collection) ?? [];
    list.push(f.field);
    byCollection.set(f.collection, list);
  }
  return (collection) => {
    const fields = byCollection.get(collection);
    if (!fields) throw new Error(`Unbekannte Collection in schema/access.ts: ${collection}`);
    return [...fields].sort();
  };
}

type LivePermission = Permission & { id: number; policy: string };

const key = (p: Pick<Permission, 'collection' | 'action'>) => `${p.collection}:${p.action}`;
const normalise = (p: Permission) =>
  JSON.stringify({
    fields: [...(p.fields ?? [])].sort(),
    permissions: p.permissions ?? null,
    validation: p.validation ?? null,
    presets: p.presets ?? null,
  });

export type AccessReport = { created: string[]; updated: string[]; removed: string[] };

/** What differs between the database and `schema/access.ts`, per policy permission. */
export async function diffAccess(client: Client) {
  const wanted = policies(schemaFieldsOf());
  const live = (await client.request(
    readPermissions({ filter: { policy: { _in: wanted.map((p) => p.id) } }, limit: -1 }),
  )) as unknown as LivePermission[];
  const report: AccessReport = { created: [], updated: [], removed: [] };
  const toCreate: (Permission & { policy: string })[] = [];
  const toUpdate: { id: number; permission: Permission }[] = [];
  const toDelete: number[] = [];
  for (const policy of wanted) {
    const have = new Map(live.filter((p) => p.policy === policy.id).map((p) => [key(p), p]));
    for (const permission of policy.permissions) {
      const current = have.get(key(permission));
      have.delete(key(permission));
      if (!current) {
        toCreate.push({ ...permission, policy: policy.id });
        report.created.push(`${policy.name} ${key(permission)}`);
      } else if (normalise(current) !== normalise(permission)) {
        toUpdate.push({ id: current.id, permission });
        report.updated.push(`${policy.name} ${key(permission)}`);
      }
    }
    for (const extra of have.values()) {
      toDelete.push(extra.id);
      report.removed.push(`${policy.name} ${key(extra)}`);
    }
  }
  return { report, toCreate, toUpdate, toDelete };
}

/** The properties of `wanted` whose value differs from `live` (all of them when there is no `live`). */
function changedProperties<T extends Record<string, unknown>>(wanted: T, live: Record<string, unknown> | undefined) {
  if (!live) return wanted;
  return Object.fromEntries(
    Object.entries(wanted).filter(([name, value]) => JSON.stringify(live[name] ?? null) !== JSON.stringify(value)),
  ) as Partial<T>;
}

/**
 * Makes roles, policies, their links and permissions match `schema/access.ts`. Idempotent; writes only
 * what differs, so on a database that matches it costs four reads.
 */
export async function applyAccess(client: Client): Promise<AccessReport> {
  const wanted = policies(schemaFieldsOf());
  const livePolicies = new Map(
    ((await client.request(readPolicies({ fields: ['*'], limit: -1 }))) as { id: string }[]).map((p) => [p.id, p]),
  );
  for (const { permissions: _p, ...policy } of wanted) {
    const live = livePolicies.get(policy.id);
    const changed = changedProperties(policy, live);
    if (!live) await client.request(createPolicy(policy));
    else if (Object.keys(changed).length > 0) await client.request(updatePolicy(policy.id, changed));
  }

  const liveRoles = new Map(
    ((await client.request(readRoles({ fields: ['*'], limit: -1 }))) as { id: string }[]).map((r) => [r.id, r]),
  );
  for (const { policy: _p, ...role } of roles) {
    const live = liveRoles.get(role.id);
    const changed = changedProperties(role, live);
    if (!live) await client.request(createRole(role));
    else if (Object.keys(changed).length > 0) await client.request(updateRole(role.id, changed));
  }
  const links = (await client.request(
    customEndpoint<{ role: string | null; policy: string }[]>({
      path: '/access',
      method: 'GET',
      params: { fields: ['role', 'policy'], limit: -1 },
    }),
  )) as { role: string | null; policy: string }[];
  for (const role of roles) {
    if (links.some((l) => l.role === role.id && l.policy === role.policy)) continue;
    await client.request(
      customEndpoint({ path: '/access', method: 'POST', body: JSON.stringify({ role: role.id, policy: role.policy }) }),
    );
  }

  const { report, toCreate, toUpdate, toDelete } = await diffAccess(client);
  if (toDelete.length > 0) await client.request(deletePermissions(toDelete));
  for (const { id, permission } of toUpdate) await client.request(updatePermission(id, permission as never));
  if (toCreate.length > 0) await client.request(createPermissions(toCreate as never));
  return report;
}
