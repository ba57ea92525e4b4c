/**
 * The contact form's way in: a POST to the contact page or a vehicle page. The form is read here (size
 * limited), checked by the same rule as in Directus (core/sites/contact), and handed to the CarBot
 * extension, which stores the lead and mails the workshop. The visitor is known only as a salted hash.
 */
import { createHash } from 'node:crypto';
import { BodyTooLarge, readBody } from '@carbot/core/http/body';
import { parseContactForm } from '@carbot/core/sites/contact';
import type { Lang } from '@carbot/core/sites/i18n';

const FORM_LIMIT = 16 * 1024;
const FIELDS = ['name', 'phone', 'email', 'car', 'message', 'consent', 'vehicle', 'website'] as const;

export type ContactResult =
  | { state: 'sent' }
  | { state: 'invalid'; errors: Record<string, string>; values: Record<string, string> }
  | { state: 'failed'; message: string; status: number; values: Record<string, string> };

const visitorHash = (address: string) =>
  createHash('sha256')
    .update(`${process.env.CARBOT_PURGE_SECRET ?? ''}:${address}`)
    .digest('hex')
    .slice(0, 32);

export async function submitContact(
  request: Request,
  input: { workshop: string; lang: Lang; page: string; clientAddress: string },
): Promise<ContactResult> {
  let text: string;
  try {
    text = (await readBody(request.body ?? [], FORM_LIMIT)).toString('utf8');
  } catch (error) {
    const message = error instanceof BodyTooLarge ? error.message : 'Die Anfrage kam unvollständig an.';
    return { state: 'failed', message, status: error instanceof BodyTooLarge ? 413 : 400, values: {} };
  }
  const params = new URLSearchParams(text);
  const values = Object.fromEntries(FIELDS.map((f) => [f, (params.get(f) ?? '').slice(0, 4000)]));
  const parsed = parseContactForm(values, input.lang);
  if (!parsed.ok) {
    return {
      state: 'invalid',
      errors: Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, String(v)])),
      values,
    };
  }
  const base = process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055';
  const res = await fetch(`${base}/carbot-site/contact`, {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.SITES_TOKEN ?? ''}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      workshop: input.workshop,
      lang: input.lang,
      page: input.page,
      visitor: visitorHash(input.clientAddress),
      form: values,
    }),
  });
  if (res.ok) return { state: 'sent' };
  const body = (await res.json().catch(() => null)) as { errors?: { message?: string }[] } | null;
  const message =
    body?.errors?.[0]?.message ?? 'Die Anfrage konnte gerade nicht gesendet werden. Bitte rufen Sie uns an.';
  return { state: 'failed', message, status: res.status === 429 ? 429 : 503, values };
}
