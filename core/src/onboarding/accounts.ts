import { createHmac } from 'node:crypto';
import { ROLE, TENANT_ROLES } from '../roles.ts';

/**
 * Account protections that do not depend on Directus: the login throttle's keys and answers, who may
 * save which presets (bookmarks, layouts), and what an invitation may do.
 */

export class AccountRuleViolation extends Error {
  readonly code = 'ACCOUNT_RULE';
}

/** Login attempts an address may make per window, for one account and in total. */
export type LoginLimits = {
  perAccount: { limit: number; windowSeconds: number };
  perAddress: { limit: number; windowSeconds: number };
};

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: { limit: 10, windowSeconds: 900 },
  perAddress: { limit: 100, windowSeconds: 900 },
};

export const normaliseEmail = (value: unknown): string =>
  typeof value === 'string' ? value.trim().toLowerCase().slice(0, 320) : '';

/**
 * Throttle keys for one login attempt. The account key is bound to the address *and* to the account's
 * current password hash: an attacker elsewhere never touches the owner's counter, and a new password
 * (reset by mail) starts a fresh one. Unknown addresses use the same shape, so a throttled answer says
 * nothing about whether an account exists. Keys are keyed hashes: no e-mail or IP is stored.
 */
export function loginKeys(
  secret: string,
  input: { email: unknown; ip: string | null | undefined; passwordHash?: string | null },
): { account: string; address: string } {
  const mac = (value: string) => createHmac('sha256', secret).update(value).digest('base64url').slice(0, 32);
  const ip = input.ip || 'unknown';
  const generation = input.passwordHash ? mac(`pw\u0000${input.passwordHash}`) : '-';
  return {
    account: mac(`acct\u0000${normaliseEmail(input.email)}\u0000${ip}\u0000${generation}`),
    address: mac(`ip\u0000${ip}`),
  };
}

export function tooManyLoginsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Zu viele fehlgeschlagene Anmeldeversuche von Ihrem Anschluss. Bitte versuchen Sie es in ${minutes} ${
    minutes === 1 ? 'Minute' : 'Minuten'
  } erneut – oder setzen Sie Ihr Passwort über „Passwort vergessen“ zurück, dann geht es sofort wieder.`;
}

type Payload = Record<string, unknown>;

const idOf = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value;

/**
 * Presets and bookmarks of a non-admin user are their own: `user` is themselves and `role` empty.
 * Directus's minimal app permissions only check `user` when it is sent, so a preset without `user`
 * (or with a `role`) would otherwise show up for every user or a role across all tenants.
 * Returns the payload to store (on create, `user` filled in).
 */
export function checkPresetWrite(payload: Payload, userId: string, mode: 'create' | 'update'): Payload {
  if ('user' in payload && idOf(payload.user) !== userId) {
    throw new AccountRuleViolation('Ansichten und Lesezeichen können Sie nur für sich selbst speichern.');
  }
  if ('role' in payload && payload.role !== null) {
    throw new AccountRuleViolation(
      'Ansichten und Lesezeichen für eine ganze Rolle oder alle Benutzer legt nur die Plattform-Administration an.',
    );
  }
  return mode === 'create' ? { ...payload, user: userId, role: null } : payload;
}

/** What an invitation of one address does; the inviter learns nothing about which case applied. */
export type InvitationStep = 'create' | 'reinvite' | 'none';

export function invitationStep(
  existing: { tenant: string | null; status: string } | null | undefined,
  inviterTenant: string,
): InvitationStep {
  if (!existing) return 'create';
  // Only a pending invitation of the inviter's own tenant can be renewed; everything else stays untouched.
  if (existing.tenant === inviterTenant && existing.status === 'invited') return 'reinvite';
  return 'none';
}

/** Refuses invitations a workshop owner may not send, before any address is looked at. */
export function checkInvitation(input: { role: unknown; inviterTenant: string | null; inviterIsOwner: boolean }) {
  if (!input.inviterIsOwner) {
    throw new AccountRuleViolation('Neue Benutzer lädt nur der Werkstattinhaber ein.');
  }
  if (!input.inviterTenant) {
    throw new AccountRuleViolation('Ihr Benutzerkonto ist keinem Mandanten zugeordnet.');
  }
  if (typeof input.role !== 'string' || !TENANT_ROLES.includes(input.role)) {
    throw new AccountRuleViolation('Einladen können Sie nur als Werkstattinhaber oder Werkstatt-Team.');
  }
}

/** How the tenant roles are called in mails (the same names as in `schema/access.ts`). */
export function tenantRoleName(role: string): string {
  return role === ROLE.owner ? 'Werkstattinhaber' : role === ROLE.staff ? 'Werkstatt-Team' : 'Benutzer';
}
