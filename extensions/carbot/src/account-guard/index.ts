import {
  AccountRuleViolation,
  checkInvitation,
  checkPresetWrite,
  DEFAULT_LOGIN_LIMITS,
  invitationStep,
  loginKeys,
  normaliseEmail,
  tenantRoleName,
  tooManyLoginsMessage,
} from '@carbot/core/onboarding/accounts';
import { invitationMail } from '@carbot/core/onboarding/mails';
import { parseRate } from '@carbot/core/onboarding/throttle';
import { createError, isDirectusError } from '@directus/errors';
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { isOwner } from '../shared/http.js';
import { limiterFactory } from '../shared/limiter.js';

const Forbidden = createError<{ reason: string }>('FORBIDDEN', ({ reason }) => reason, 403);
// Directus's own code for rate limits, so the admin app shows its (German) text on the login page.
const TooManyLogins = createError<{ retry_after: number }>(
  'REQUESTS_EXCEEDED',
  ({ retry_after }) => tooManyLoginsMessage(retry_after),
  429,
);

type Payload = Record<string, unknown>;
type Context = { accountability: Accountability | null; database: Knex };
type ServiceThis = { accountability: Accountability | null; knex: Knex; schema: SchemaOverview };
type Login = (this: ServiceThis, provider: string, payload: Payload, options?: unknown) => Promise<unknown>;
type Invite = (
  this: ServiceThis,
  email: string | string[],
  role: string,
  url: string | null,
  subject?: string,
) => Promise<void>;
type UsersCtor = new (o: {
  schema: SchemaOverview;
  knex?: Knex;
  accountability?: Accountability | null;
}) => {
  createOne(d: Payload): Promise<unknown>;
  updateOne(k: string, d: Payload): Promise<unknown>;
  inviteUrl(email: string, url: string | null): string;
};
type MailCtor = new (o: { schema: SchemaOverview; knex?: Knex }) => { send(m: Payload): Promise<unknown> };

const ORIGINAL = Symbol.for('carbot.account-guard.original');
/** Time an invitation takes at least, so creating a user and leaving an address alone look alike. */
const INVITE_FLOOR_MS = 400;

/**
 * Wraps one method of a Directus service class. Every transport (REST, GraphQL, WebSocket auth) ends in
 * the same service method, so this is the one place that sees all logins and all invitations; Directus's
 * `auth.login` filter is not emitted for unknown addresses, and a throttle there would tell which
 * addresses have accounts. The original is kept so a reloaded extension wraps it only once.
 */
function wrap<F extends (...args: never[]) => unknown>(proto: object, name: string, make: (original: F) => F) {
  const target = proto as Record<string | symbol, unknown>;
  target[ORIGINAL] ??= {};
  const originals = target[ORIGINAL] as Record<string, F>;
  originals[name] ??= target[name] as F;
  target[name] = make(originals[name]);
}

function rule<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AccountRuleViolation) throw new Forbidden({ reason: error.message });
    throw error;
  }
}

/**
 * Accounts cannot be locked, enumerated or reached across tenants by other users:
 * - logins are throttled per account and address (never suspended), so strangers cannot lock an owner out;
 * - presets and bookmarks of non-admin users are their own only;
 * - invitations create users only in the inviter's tenant and answer the same for every address;
 *   users are not created directly by tenant users (the unique e-mail would tell who exists elsewhere).
 */
export default defineHook(({ filter, init }, { services, env, logger }) => {
  const secret = String(env.SECRET ?? '');
  const perAccount = parseRate(env.CARBOT_LOGIN_RATE_LIMIT, DEFAULT_LOGIN_LIMITS.perAccount);
  const perAddress = parseRate(env.CARBOT_LOGIN_ADDRESS_LIMIT, DEFAULT_LOGIN_LIMITS.perAddress);
  const limiter = limiterFactory(env, logger);
  const limiters = Promise.all([limiter('login-account', perAccount), limiter('login-address', perAddress)]);

  const svc = services as unknown as {
    AuthenticationService: { prototype: object };
    UsersService: UsersCtor & { prototype: object };
    MailService: MailCtor;
  };

  /** Takes one attempt from both budgets before the password is checked, so parallel guesses count too. */
  async function admit(keys: { account: string; address: string }) {
    const [account, address] = await limiters;
    try {
      await address.consume(keys.address);
      await account.consume(keys.account);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new TooManyLogins({ retry_after: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) });
      }
      // Only a store failure without insurance lands here: better to let the password check decide.
      logger.warn(rejection, 'Anmelde-Drosselung nicht verfügbar');
    }
  }

  async function settle(keys: { account: string; address: string }, outcome: 'success' | 'failure' | 'other') {
    if (outcome === 'failure') return;
    const [account, address] = await limiters;
    await Promise.allSettled(
      outcome === 'success'
        ? [account.delete(keys.account), address.reward(keys.address, 1)]
        : [account.reward(keys.account, 1), address.reward(keys.address, 1)],
    );
  }

  wrap<Login>(
    svc.AuthenticationService.prototype,
    'login',
    (original) =>
      async function (this: ServiceThis, provider, payload, options) {
        const identity = payload?.email ?? payload?.identifier;
        if (typeof identity !== 'string') return original.call(this, provider, payload, options);
        const user = await this.knex('directus_users')
          .select('password')
          .whereRaw('LOWER(??) = ?', ['email', normaliseEmail(identity)])
          .first();
        const keys = loginKeys(secret, {
          email: identity,
          ip: this.accountability?.ip,
          passwordHash: (user?.password as string | null | undefined) ?? null,
        });
        await admit(keys);
        try {
          const result = await original.call(this, provider, payload, options);
          await settle(keys, 'success');
          return result;
        } catch (error) {
          const status = (error as { status?: unknown })?.status;
          await settle(keys, status === 401 ? 'failure' : 'other');
          throw error;
        }
      },
  );

  wrap<Invite>(
    svc.UsersService.prototype,
    'inviteUser',
    (original) =>
      async function (this: ServiceThis, email, role, url, subject) {
        const acc = this.accountability;
        if (!acc || acc.admin) return original.call(this, email, role, url, subject);
        const started = Date.now();
        const inviter = acc.user
          ? await this.knex('directus_users').select('tenant').where('id', acc.user).first()
          : undefined;
        const tenant = (inviter?.tenant as string | null | undefined) ?? null;
        rule(() => checkInvitation({ role, inviterTenant: tenant, inviterIsOwner: isOwner(acc) }));
        const system = { schema: this.schema, knex: this.knex };
        // system: invitations must find and create addresses in every tenant without telling the inviter which exist
        const users = new svc.UsersService(system);
        const tenantRow = await this.knex('tenants').select('name').where('id', tenant).first();
        const addresses = [...new Set((Array.isArray(email) ? email : [email]).map(normaliseEmail))];
        for (const address of addresses) {
          if (!address.includes('@')) continue;
          const existing = await this.knex('directus_users')
            .select('id', 'tenant', 'status', 'role')
            .whereRaw('LOWER(??) = ?', ['email', address])
            .first();
          const step = invitationStep(existing, tenant as string);
          try {
            if (step === 'create') {
              await users.createOne({ email: address, role, status: 'invited', tenant });
            } else if (step === 'reinvite' && existing.role !== role) {
              await users.updateOne(String(existing.id), { role });
            }
          } catch (error) {
            // Registered elsewhere a moment ago: left alone, like any other existing address.
            if (isDirectusError(error, 'RECORD_NOT_UNIQUE')) continue;
            throw error;
          }
          if (step === 'none') continue;
          const mail = invitationMail({
            tenantName: String(tenantRow?.name ?? 'Ihre Werkstatt'),
            roleName: tenantRoleName(role),
            // The accept page of this Directus; a link of the inviter's choosing would carry the token elsewhere.
            link: users.inviteUrl(address, null),
          });
          // system: the mail goes to the invited address, not to the inviter
          new svc.MailService(system)
            .send({ to: address, subject: mail.subject, text: mail.text, html: mail.html })
            .catch((error: unknown) => logger.warn(error, 'Einladungs-E-Mail konnte nicht gesendet werden'));
        }
        const rest = INVITE_FLOOR_MS - (Date.now() - started);
        if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      },
  );

  // Retry-After for throttled logins (REST); Directus's error handler comes right after this.
  init('routes.custom.after', ({ app }) => {
    (app as { use(h: unknown): void }).use(
      (err: unknown, _req: unknown, res: { setHeader(n: string, v: string): void }, next: (e: unknown) => void) => {
        for (const error of Array.isArray(err) ? err : [err]) {
          if (isDirectusError(error, 'REQUESTS_EXCEEDED')) {
            const seconds = (error.extensions as { retry_after?: unknown } | undefined)?.retry_after;
            if (typeof seconds === 'number') res.setHeader('retry-after', String(seconds));
          }
        }
        next(err);
      },
    );
  });

  const presetGuard = (mode: 'create' | 'update') => (payload: Payload, _meta: unknown, context: unknown) => {
    const acc = (context as Context).accountability;
    if (!acc || acc.admin) return payload;
    if (!acc.user) throw new Forbidden({ reason: 'Bitte melden Sie sich an.' });
    return rule(() => checkPresetWrite(payload, acc.user as string, mode));
  };
  filter<Payload>('presets.create', presetGuard('create'));
  filter<Payload>('presets.update', presetGuard('update'));

  filter<Payload>('users.create', (payload, _meta, context) => {
    const acc = (context as Context).accountability;
    if (acc?.user && !acc.admin) {
      throw new Forbidden({
        reason: 'Neue Benutzer laden Sie bitte über „Benutzer einladen“ ein; sie legen ihr Passwort dann selbst fest.',
      });
    }
    return payload;
  });
});
