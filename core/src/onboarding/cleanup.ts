/**
 * Registrations nobody confirmed. Someone typed an address (theirs with a typo, someone else's, a bot's)
 * and never clicked the link: after a week the account, its workshop and its tenant are removed again,
 * so the data of a person who never agreed to anything does not linger, and the address and the website
 * name are free for a fresh start.
 */

/** Days a registration may wait for its confirmation; the link itself is valid for 48 hours. */
export const UNVERIFIED_RETENTION_DAYS = 7;

const DAY = 86_400_000;

export type PendingRegistration = {
  /** When the tenant was created, i.e. when the registration arrived. */
  createdAt: string | Date | null;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  /** Every user of the tenant, whatever their role. */
  users: { status: string | null }[];
};

/** Registrations created before this moment are old enough to be removed. */
export function abandonedBefore(now: Date, days = UNVERIFIED_RETENTION_DAYS): Date {
  return new Date(now.getTime() - days * DAY);
}

/**
 * True only for a self-registration that nobody ever confirmed and that is older than the retention
 * period. Anything with a sign of real use is kept: a confirmed, invited or suspended user (somebody
 * acted on the account), a Stripe customer (money and invoices are involved), or no users at all (the
 * platform set that tenant up by hand).
 */
export function isAbandoned(registration: PendingRegistration, now: Date, days = UNVERIFIED_RETENTION_DAYS): boolean {
  if (registration.createdAt === null) return false;
  const created = new Date(registration.createdAt).getTime();
  if (Number.isNaN(created) || created >= abandonedBefore(now, days).getTime()) return false;
  if (registration.stripeCustomerId || registration.stripeSubscriptionId) return false;
  return registration.users.length > 0 && registration.users.every((user) => user.status === 'unverified');
}
