import { checkTemplate, DEFAULT_TRIAL_DAYS, PlanLimitError } from '@carbot/core/billing/plans';
import { checklist, LEGAL_FIELDS } from '@carbot/core/onboarding/checklist';
import { registrationAttemptMail, verificationMail } from '@carbot/core/onboarding/mails';
import { isBot, parseRegistration, type Registration, slugCandidates } from '@carbot/core/onboarding/registration';
import { STARTER_HOURS, starterServiceRows } from '@carbot/core/onboarding/starter';
import { parseRate } from '@carbot/core/onboarding/throttle';
import { createToken, verifyToken } from '@carbot/core/onboarding/tokens';
import { ROLE } from '@carbot/core/roles';
import { workshopOrigin } from '@carbot/core/sites/origins';
import { escapeHtml } from '@carbot/core/text/escape';
import { isDirectusError } from '@directus/errors';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { BillingData, type ServicesLike } from '../shared/billing.js';
import { catching, httpError } from '../shared/errors.js';
import { isTenantUser, ok, publicUrl, requestIp } from '../shared/http.js';
import { hashedKey, limiterFactory, take, waitOf } from '../shared/limiter.js';
import { page } from './pages.js';

type Req = {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
  body?: unknown;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
};
type Res = Parameters<typeof ok>[0] & {
  send(body: string): unknown;
  redirect(status: number, url: string): unknown;
};

const VERIFY_PURPOSE = 'carbot-verify-email';
const VERIFY_HOURS = 48;
const DAY = 86_400_000;
const START_PAGE = '/carbot-start';
const DEFAULT_TRIAL_PLAN = 'premium';
/**
 * A registration answers no sooner than this, whether it created an account or found the address taken:
 * together with the same work on both paths (password hashed, one mail sent) the answer's timing says
 * as little about which addresses are customers as its body does.
 */
const REGISTER_FLOOR_MS = 750;

/**
 * Public self-service onboarding: registration creates tenant, first workshop (draft) and owner in one
 * transaction; the owner confirms the e-mail address before the first login, and the trial starts then.
 * Registration and verification act as the system (a visitor has no account yet); every input is
 * validated first, and nothing a visitor sends decides a tenant, role or status.
 */
export default defineEndpoint({
  id: 'onboarding',
  handler: (endpointRouter, { services, getSchema, env, logger, database }) => {
    const router = catching(endpointRouter);
    const svc = services as unknown as ServicesLike;
    const knex = database as unknown as Knex;
    const secret = String(env.SECRET ?? '');
    const base = publicUrl(env);
    const rate = parseRate(env.CARBOT_SIGNUP_RATE_LIMIT, { limit: 10, windowSeconds: 900 });
    // Shared by all instances through Redis (shared/limiter.ts); keys are hashed, no address is stored.
    const limiter = limiterFactory(env, logger);
    const signupLimiter = limiter('signup', rate);
    const resendLimiter = limiter('signup-resend', { limit: 3, windowSeconds: 3600 });
    const hit = async (which: typeof signupLimiter, raw: string) => {
      const decision = await take(await which, hashedKey(secret, raw));
      return decision.allowed ? 0 : decision.retryAfterSeconds;
    };
    // A backstop across all addresses (many real addresses defeat the per-address limit): counts
    // only accounts actually created, so floods of bad requests never lock real workshops out.
    const total = parseRate(env.CARBOT_SIGNUP_GLOBAL_LIMIT, { limit: 100, windowSeconds: 3600 });
    const accounts = limiter('signup-accounts', total);

    const system = (schema: SchemaOverview, trx?: Knex) => ({
      schema,
      // system: a registration creates the tenant, workshop and owner account before any user exists.
      accountability: null,
      ...(trx ? { knex: trx } : {}),
    });
    type Users = {
      createOne(d: Record<string, unknown>): Promise<string>;
      updateOne(k: string, d: Record<string, unknown>): Promise<unknown>;
    };
    type Mailer = { send(m: Record<string, unknown>): Promise<unknown> };
    const items = (collection: string, schema: SchemaOverview, trx?: Knex) =>
      // system: onboarding serves visitors who have no account yet; every input is validated before use.
      new svc.ItemsService(collection, system(schema, trx));
    // system: creating and activating a new owner is the platform's act, not any user's.
    const users = (schema: SchemaOverview, trx?: Knex) =>
      new (svc.UsersService as new (o: unknown) => Users)(system(schema, trx));
    // system: mails of the platform to a person who registers.
    const mailer = (schema: SchemaOverview) => new (svc.MailService as new (o: unknown) => Mailer)(system(schema));

    async function sendVerification(
      schema: SchemaOverview,
      user: { id: string; email: string; first_name: string | null },
      workshopName: string,
      trialDays: number,
    ) {
      const exp = Math.floor(Date.now() / 1000) + VERIFY_HOURS * 3600;
      const token = createToken(secret, VERIFY_PURPOSE, { sub: user.id, email: user.email, exp });
      const mail = verificationMail({
        firstName: user.first_name ?? '',
        workshopName,
        link: `${base}/onboarding/verify?token=${encodeURIComponent(token)}`,
        validHours: VERIFY_HOURS,
        trialDays,
      });
      await mailer(schema).send({
        to: user.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    }

    async function resendFor(schema: SchemaOverview, email: string): Promise<'sent' | 'failed' | 'none'> {
      const [user] = await items('directus_users', schema).readByQuery({
        fields: ['id', 'email', 'first_name', 'status', 'tenant.id', 'tenant.name'],
        filter: { email: { _eq: email } },
        limit: 1,
      });
      if (user?.status !== 'unverified') return 'none';
      const tenant = user.tenant as { id?: string; name?: string } | null;
      try {
        const { plan } = tenant?.id ? await new BillingData(svc, schema).planOf(tenant.id) : { plan: null };
        await sendVerification(
          schema,
          { id: String(user.id), email: String(user.email), first_name: (user.first_name as string | null) ?? null },
          String(tenant?.name ?? 'Ihre Werkstatt'),
          plan?.trial_days ?? DEFAULT_TRIAL_DAYS,
        );
        return 'sent';
      } catch (error) {
        logger.error(
          error,
          'Bestätigungs-E-Mail konnte nicht gesendet werden (EMAIL_* eingerichtet?). Notfalls setzt die Plattform-Administration das Konto im Admin auf „Aktiv“.',
        );
        return 'failed';
      }
    }

    router.post('/register', async (req, res) => {
      const request = req as unknown as Req;
      const started = Date.now();
      const ip = requestIp(request, env);
      const wait = await hit(signupLimiter, `ip:${ip}`);
      if (wait > 0) {
        res.setHeader('retry-after', String(wait));
        throw httpError(
          429,
          'TOO_MANY_REQUESTS',
          `Zu viele Registrierungsversuche von Ihrem Anschluss. Bitte versuchen Sie es in ${Math.ceil(wait / 60)} ${Math.ceil(wait / 60) === 1 ? 'Minute' : 'Minuten'} erneut.`,
        );
      }
      const busy = await waitOf(await accounts, 'all');
      if (busy > 0) {
        res.setHeader('retry-after', String(busy));
        throw httpError(
          429,
          'TOO_MANY_REQUESTS',
          'Gerade registrieren sich ungewöhnlich viele Konten. Bitte versuchen Sie es in einer Stunde erneut – Ihre Angaben können Sie einfach noch einmal absenden.',
        );
      }
      if (isBot(request.body)) {
        throw httpError(
          400,
          'BOT_SUSPECTED',
          'Ihre Anfrage sah automatisiert aus. Bitte lassen Sie das Feld „Website“ leer und senden Sie das Formular erneut.',
        );
      }
      const parsed = parseRegistration(request.body);
      if (!parsed.ok) return invalid(parsed.errors);
      const input = parsed.value;
      const schema = await getSchema();
      const d = new BillingData(svc, schema);
      const plans = await d.plans();
      const plan = plans.find((p) => p.key === (input.plan ?? DEFAULT_TRIAL_PLAN));
      if (!plan) return invalid({ plan: 'Bitte wählen Sie einen der angebotenen Tarife.' });
      if (plan.website) {
        if (!input.template) return invalid({ template: 'Bitte wählen Sie eine Vorlage für Ihre Website.' });
        const template = await d.template(input.template);
        if (!template) return invalid({ template: 'Bitte wählen Sie eine der angebotenen Vorlagen.' });
        try {
          checkTemplate(plan, template, plans);
        } catch (error) {
          if (error instanceof PlanLimitError) return invalid({ template: error.message });
          throw error;
        }
      } else if (input.template) {
        return invalid({
          template: `Im Tarif ${plan.name} ist keine Website enthalten, daher wird keine Vorlage gebraucht. Bitte lassen Sie die Auswahl leer oder wählen Sie Premium.`,
        });
      }

      const existing = await items('directus_users', schema).readByQuery({
        fields: ['id', 'status'],
        filter: { email: { _eq: input.email } },
        limit: 1,
      });
      if (existing[0]) return alreadyRegistered(res, schema, input, started);

      let created: { userId: string; tenantId: string; slug: string } | undefined;
      try {
        created = await createAccount(schema, input, plan.key, plan.trial_days ?? DEFAULT_TRIAL_DAYS);
      } catch (error) {
        if (isDirectusError(error, 'FAILED_VALIDATION') || isDirectusError(error, 'INVALID_PAYLOAD')) {
          // The installation's own password policy (Directus settings) is stricter than ours.
          return invalid({
            password:
              'Das Passwort erfüllt die Passwort-Richtlinie dieser Installation nicht. Bitte wählen Sie ein längeres oder abwechslungsreicheres.',
          });
        }
        if (isDirectusError(error, 'RECORD_NOT_UNIQUE')) {
          // Someone registered the same address a moment ago (unique e-mail): the same answer as above.
          const again = await items('directus_users', schema).readByQuery({
            fields: ['id'],
            filter: { email: { _eq: input.email } },
            limit: 1,
          });
          if (again[0]) return alreadyRegistered(res, schema, input, started);
        }
        throw error;
      }
      await take(await accounts, 'all');
      let mail: 'sent' | 'failed' = 'sent';
      try {
        await sendVerification(
          schema,
          { id: created.userId, email: input.email, first_name: input.firstName },
          input.workshopName,
          plan.trial_days ?? DEFAULT_TRIAL_DAYS,
        );
      } catch (error) {
        logger.error(
          error,
          'Bestätigungs-E-Mail konnte nicht gesendet werden (EMAIL_* eingerichtet?). Notfalls setzt die Plattform-Administration das Konto im Admin auf „Aktiv“.',
        );
        mail = 'failed';
      }
      return registered(res, input.email, mail, started);
    });

    /**
     * The one answer to every accepted registration, new address or not: what happened is told only to
     * the address's holder, by mail. The workshop's web address is not in it (it exists only for new
     * accounts); the owner sees it after confirming.
     */
    async function registered(res: Res, email: string, mail: 'sent' | 'failed', started: number) {
      const rest = REGISTER_FLOOR_MS - (Date.now() - started);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      return ok(
        res,
        {
          email,
          verification_mail: mail,
          message:
            mail === 'sent'
              ? `Fast geschafft! Wir haben eine E-Mail an ${email} geschickt. Bitte folgen Sie dem Link darin; danach können Sie sich anmelden.`
              : `Die E-Mail an ${email} konnte gerade nicht versendet werden. Bitte fordern Sie sie in ein paar Minuten erneut an.`,
        },
        201,
      );
    }

    /**
     * The address already has an account: nothing is created or changed. Its holder gets the confirmation
     * link again (unconfirmed) or a note that someone tried to register (any other status), at most a few
     * times an hour, so the form cannot be used to flood someone's inbox.
     */
    async function alreadyRegistered(res: Res, schema: SchemaOverview, input: Registration, started: number) {
      // The same password hashing a new account costs, so both answers take the same effort.
      const payloads = new (
        svc.PayloadService as new (
          c: string,
          o: unknown,
        ) => {
          processValues(action: string, payload: Record<string, unknown>): Promise<unknown>;
        }
      )('directus_users', system(schema));
      await payloads.processValues('create', { password: input.password });
      const [user] = await items('directus_users', schema).readByQuery({
        fields: ['first_name', 'status'],
        filter: { email: { _eq: input.email } },
        limit: 1,
      });
      let mail: 'sent' | 'failed' = 'sent';
      if (user && (await hit(resendLimiter, `mail:${input.email}`)) === 0) {
        if (user.status === 'unverified') {
          if ((await resendFor(schema, input.email)) === 'failed') mail = 'failed';
        } else {
          const note = registrationAttemptMail({
            firstName: (user.first_name as string | null) ?? '',
            loginLink: `${base}/admin/login`,
            resetLink: `${base}/admin/reset-password`,
          });
          try {
            await mailer(schema).send({ to: input.email, subject: note.subject, text: note.text, html: note.html });
          } catch (error) {
            logger.error(error, 'Hinweis-E-Mail zu einem Registrierungsversuch konnte nicht gesendet werden.');
            mail = 'failed';
          }
        }
      }
      return registered(res, input.email, mail, started);
    }

    function invalid(fields: Record<string, string | undefined>) {
      const first = Object.values(fields).find(Boolean) ?? 'Bitte prüfen Sie Ihre Angaben.';
      throw httpError(400, 'INVALID_PAYLOAD', first, { fields });
    }

    /** Tenant, first workshop and owner: all three, or none of them. */
    async function createAccount(schema: SchemaOverview, input: Registration, planKey: string, trialDays: number) {
      const candidates = slugCandidates(input.workshopName, input.city);
      const taken = new Set(
        (
          await items('workshops', schema).readByQuery({
            fields: ['slug'],
            filter: { slug: { _in: candidates } },
            limit: -1,
          })
        ).map((r) => String(r.slug)),
      );
      const slug = candidates.find((c) => !taken.has(c)) ?? `${candidates[0]}-${Date.now().toString(36)}`;
      return knex.transaction(async (trx) => {
        const tenantId = String(
          await items('tenants', schema, trx).createOne({
            name: input.workshopName,
            plan: planKey,
            subscription_status: 'trialing',
            trial_ends_at: new Date(Date.now() + trialDays * DAY).toISOString(),
            billing_email: input.email,
            billing_country: 'DE',
            terms_version: input.termsVersion,
            terms_accepted_at: new Date().toISOString(),
          }),
        );
        const workshopId = String(
          await items('workshops', schema, trx).createOne({
            tenant: tenantId,
            name: input.workshopName,
            slug,
            status: 'draft',
            template: input.template,
            city: input.city,
            country: 'DE',
            email: input.email,
            managing_director: [input.firstName, input.lastName].filter(Boolean).join(' '),
            languages: ['de'],
            // Common hours and typical services to adjust: the owner edits instead of typing from scratch.
            opening_hours: STARTER_HOURS,
          }),
        );
        const services = items('services', schema, trx);
        for (const row of starterServiceRows(input.template, workshopId)) {
          await services.createOne({ ...row, tenant: tenantId });
        }
        const userId = String(
          await users(schema, trx).createOne({
            email: input.email,
            password: input.password,
            first_name: input.firstName || null,
            last_name: input.lastName,
            role: ROLE.owner,
            tenant: tenantId,
            status: 'unverified',
            language: 'de-DE',
            last_page: START_PAGE,
          }),
        );
        return { userId, tenantId, slug };
      });
    }

    router.post('/resend', async (req, res) => {
      const request = req as unknown as Req;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
      if (email === '' || email.length > 254 || !email.includes('@')) {
        throw httpError(
          400,
          'INVALID_PAYLOAD',
          'Bitte geben Sie die E-Mail-Adresse an, mit der Sie sich registriert haben.',
        );
      }
      const wait = Math.max(
        await hit(resendLimiter, `mail:${email}`),
        await hit(signupLimiter, `ip:${requestIp(request, env)}`),
      );
      if (wait > 0) {
        res.setHeader('retry-after', String(wait));
        throw httpError(429, 'TOO_MANY_REQUESTS', 'Bitte warten Sie etwas, bevor Sie die E-Mail erneut anfordern.');
      }
      await resendFor(await getSchema(), email);
      // The same answer whether or not the address is registered: nobody learns who is a customer.
      return ok(
        res,
        {
          message:
            'Falls zu dieser Adresse eine unbestätigte Registrierung gehört, ist der Bestätigungslink unterwegs.',
        },
        202,
      );
    });

    /** The link in the mail only shows a button; mail scanners that open links confirm nothing. */
    router.get('/verify', async (req, res) => {
      const request = req as unknown as Req;
      const token = typeof request.query.token === 'string' ? request.query.token : '';
      const checked = verifyToken(secret, VERIFY_PURPOSE, token);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.setHeader('referrer-policy', 'no-referrer');
      if (!checked.ok) return res.status(400).send(invalidLinkPage(checked.reason));
      return res
        .status(200)
        .send(
          page('E-Mail-Adresse bestätigen', [
            `<p>Bitte bestätigen Sie, dass <strong>${escapeHtml(checked.payload.email)}</strong> Ihre E-Mail-Adresse ist.</p>`,
            `<form method="post" action="${base}/onboarding/verify?token=${encodeURIComponent(token)}"><button type="submit">E-Mail-Adresse bestätigen</button></form>`,
          ]),
        );
    });

    router.post('/verify', async (req, res) => {
      const request = req as unknown as Req;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const token =
        typeof request.query.token === 'string'
          ? request.query.token
          : typeof body.token === 'string'
            ? body.token
            : '';
      const wantsJson = String(request.headers.accept ?? '').includes('application/json');
      const checked = verifyToken(secret, VERIFY_PURPOSE, token);
      const reply = (status: number, code: string, message: string, html: string) => {
        if (wantsJson) {
          if (status >= 300) throw httpError(status, code, message);
          return ok(res, { message });
        }
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        return res.status(status).send(html);
      };
      if (!checked.ok) {
        return reply(
          400,
          'INVALID_TOKEN',
          'Der Bestätigungslink ist ungültig oder abgelaufen.',
          invalidLinkPage(checked.reason),
        );
      }
      const schema = await getSchema();
      const [user] = await items('directus_users', schema).readByQuery({
        fields: ['id', 'email', 'status', 'tenant'],
        filter: { id: { _eq: checked.payload.sub } },
        limit: 1,
      });
      if (!user || String(user.email).toLowerCase() !== checked.payload.email.toLowerCase()) {
        return reply(
          400,
          'INVALID_TOKEN',
          'Der Bestätigungslink ist ungültig oder abgelaufen.',
          invalidLinkPage('signature'),
        );
      }
      const login = `${base}/admin/login`;
      const trialDays =
        typeof user.tenant === 'string'
          ? ((await new BillingData(svc, schema).planOf(user.tenant)).plan?.trial_days ?? DEFAULT_TRIAL_DAYS)
          : DEFAULT_TRIAL_DAYS;
      const done = page('E-Mail-Adresse bestätigt', [
        `<p>Vielen Dank! Ihre E-Mail-Adresse ist bestätigt und Ihre ${trialDays}-tägige Testphase hat begonnen.</p>`,
        `<p><a class="button" href="${login}">Jetzt anmelden</a></p>`,
        '<p>Nach der Anmeldung zeigt Ihnen „Erste Schritte“, was als Nächstes zu tun ist.</p>',
      ]);
      if (user.status === 'active') return reply(200, '', 'Ihre E-Mail-Adresse ist bereits bestätigt.', done);
      if (user.status !== 'unverified') {
        return reply(
          403,
          'FORBIDDEN',
          'Dieses Konto ist gesperrt. Bitte wenden Sie sich an den CarBot-Support.',
          page('Konto gesperrt', ['<p>Dieses Konto ist gesperrt. Bitte wenden Sie sich an den CarBot-Support.</p>']),
        );
      }
      await knex.transaction(async (trx) => {
        await users(schema, trx).updateOne(String(user.id), { status: 'active' });
        if (typeof user.tenant === 'string') {
          const d = new BillingData(svc, schema, trx);
          const { tenant, plan } = await d.planOf(user.tenant);
          // The trial counts from the first day the owner can actually use it.
          if (tenant && !tenant.stripe_subscription_id && tenant.subscription_status === 'trialing') {
            await items('tenants', schema, trx).updateOne(tenant.id, {
              trial_ends_at: new Date(Date.now() + (plan?.trial_days ?? DEFAULT_TRIAL_DAYS) * DAY).toISOString(),
            });
          }
        }
      });
      return reply(200, '', 'Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden.', done);
    });

    router.get('/checklist', async (req, res) => {
      const request = req as unknown as Req;
      const acc = request.accountability;
      if (!acc?.user) throw httpError(401, 'INVALID_CREDENTIALS', 'Bitte melden Sie sich an.');
      if (!isTenantUser(acc))
        throw httpError(403, 'FORBIDDEN', 'Die ersten Schritte gibt es nur für Werkstatt-Konten.');
      const schema = request.schema ?? (await getSchema());
      const d = new BillingData(svc, schema);
      const tenantId = await d.tenantOfUser(acc.user);
      if (!tenantId) throw httpError(403, 'FORBIDDEN', 'Ihr Benutzerkonto ist keinem Mandanten zugeordnet.');
      const own = { tenant: { _eq: tenantId } };
      // The tenant's data, not this user's view of it: owner and staff get the same checklist. The
      // answer holds no more than a tenant user may read of their own workshop anyway.
      // system: filtered to the caller's own tenant; only the facts the checklist needs leave here.
      const workshops = await new svc.ItemsService('workshops', { schema, accountability: null }).readByQuery({
        fields: ['id', 'status', 'slug', 'opening_hours', ...LEGAL_FIELDS],
        filter: own,
        sort: ['date_created'],
        limit: 1,
      });
      const [{ plan }, services, faqs, keys] = await Promise.all([
        d.planOf(tenantId),
        d.count('services', own),
        d.count('faqs', own),
        d.count('client_keys', { ...own, status: { _eq: 'active' } }),
      ]);
      const steps = checklist({
        website: Boolean(plan?.website),
        workshop: (workshops[0] as never) ?? null,
        services,
        faqs,
        activeClientKeys: keys,
      });
      const workshop = workshops[0] as { status?: string; slug?: string } | undefined;
      // The address of the live website, once there is one to open.
      const site =
        plan?.website && workshop?.slug
          ? { url: workshopOrigin(env, workshop.slug), published: workshop.status === 'published' }
          : null;
      return ok(res, { steps, done: steps.filter((s) => s.done).length, total: steps.length, site });
    });
  },
});

function invalidLinkPage(reason: 'malformed' | 'signature' | 'expired') {
  const why =
    reason === 'expired'
      ? 'Der Bestätigungslink ist abgelaufen.'
      : 'Der Bestätigungslink ist ungültig – vielleicht wurde er beim Kopieren abgeschnitten.';
  return page('Link ungültig', [
    `<p>${why}</p>`,
    '<p>Registrieren Sie sich einfach noch einmal mit derselben E-Mail-Adresse; wir schicken Ihnen dann sofort einen neuen Link. Ihre Angaben gehen dabei nicht verloren.</p>',
  ]);
}
