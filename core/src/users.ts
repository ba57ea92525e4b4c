import { TENANT_ROLES } from './roles.ts';
import { type Actor, TenantViolation } from './tenancy.ts';

type Payload = Record<string, unknown>;

const PRIVILEGED_FIELDS = ['policies', 'admin_access', 'app_access', 'token', 'provider', 'external_identifier'];

/**
 * A workshop owner manages the users of their own tenant, but must never be able to hand out a role
 * outside the tenant roles or attach policies directly: that would be a path to platform admin rights.
 */
export function checkUserWrite(payload: Payload, actor: Actor, mode: 'create' | 'update'): void {
  if (actor.kind !== 'user') return;
  for (const field of PRIVILEGED_FIELDS) {
    if (field in payload)
      throw new TenantViolation(`Das Feld „${field}“ darf nur die Plattform-Administration setzen.`);
  }
  if ('role' in payload || mode === 'create') {
    const role = payload.role;
    if (typeof role !== 'string' || !TENANT_ROLES.includes(role)) {
      throw new TenantViolation('Benutzer können nur als Werkstattinhaber oder Werkstatt-Team angelegt werden.');
    }
  }
}
