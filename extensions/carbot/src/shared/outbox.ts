import { MAX_ATTEMPTS, retryDelayMs } from '@carbot/core/mail/outbox';
import type { Knex } from 'knex';

/** A file sent with a mail (an appointment's .ics). */
export type Attachment = { filename: string; content: string; contentType: string };
/** `lead`: the lead this mail notifies about; its `notified_at` is set once the mail went out. */
export type OutgoingMail = {
  tenant: string | null;
  to: string;
  subject: string;
  text: string;
  lead?: string | null;
  attachments?: Attachment[];
};
type Mailer = {
  send(mail: { to: string; subject: string; text: string; attachments?: Attachment[] }): Promise<unknown>;
};

function attachmentsOf(value: unknown): Attachment[] | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const list = JSON.parse(value) as Attachment[];
    return Array.isArray(list) && list.length > 0 ? list : undefined;
  } catch {
    return undefined;
  }
}

let exists = false;
async function outboxExists(db: Knex): Promise<boolean> {
  exists ||= await db.schema.hasTable('carbot_outbox');
  return exists;
}

/** Stores a mail for delivery; the caller's data is safe even if no mail server is reachable. */
export async function enqueueMail(db: Knex, mail: OutgoingMail): Promise<void> {
  await db('carbot_outbox').insert({
    tenant: mail.tenant,
    recipient: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.lead ? { lead: mail.lead } : {}),
    ...(mail.attachments?.length ? { attachments: JSON.stringify(mail.attachments) } : {}),
    attempts: 0,
    next_attempt_at: new Date(),
  });
}

/**
 * How long a claimed mail is held for its sender. Longer than any SMTP conversation (nodemailer gives up
 * long before), so another instance never takes a mail that is still being sent — the retry pause alone
 * (300 ms in tests, 30 s by default) can be shorter than a slow mail server's answer. A sender that dies
 * mid-send leaves its mail to be retried after this time.
 */
const SENDING_MS = 10 * 60_000;

/**
 * Delivers what is due. Each row is claimed by moving its next attempt beyond the time a send can take
 * first, so several Directus instances never send the same mail twice; a failed send sets the retry
 * pause. `stop` ends the run between two mails.
 */
export async function deliverDue(
  db: Knex,
  mailer: Mailer,
  baseDelayMs: number,
  limit = 20,
  stop: () => boolean = () => false,
): Promise<number> {
  // Directus starts before our migrations have run on a fresh installation.
  if (!(await outboxExists(db))) return 0;
  const now = new Date();
  const due = await db('carbot_outbox')
    .whereNull('sent_at')
    .where('next_attempt_at', '<=', now)
    .where('attempts', '<', MAX_ATTEMPTS)
    .orderBy('next_attempt_at')
    .limit(limit);
  let sent = 0;
  for (const row of due) {
    // Shutting down: the mail in flight finishes, the rest waits for another instance.
    if (stop()) break;
    const attempts = Number(row.attempts) + 1;
    const claimed = await db('carbot_outbox')
      .where({ id: row.id, attempts: row.attempts })
      .whereNull('sent_at')
      .update({ attempts, next_attempt_at: new Date(now.getTime() + SENDING_MS) });
    if (!claimed) continue;
    try {
      const attachments = attachmentsOf(row.attachments);
      await mailer.send({
        to: row.recipient,
        subject: row.subject,
        text: row.text,
        ...(attachments ? { attachments } : {}),
      });
      const sentAt = new Date();
      await db('carbot_outbox').where('id', row.id).update({ sent_at: sentAt, last_error: null });
      if (row.lead) await db('leads').where('id', row.lead).update({ notified_at: sentAt });
      sent += 1;
    } catch (error) {
      await db('carbot_outbox')
        .where('id', row.id)
        .update({
          last_error: String((error as Error).message).slice(0, 1000),
          next_attempt_at: new Date(Date.now() + retryDelayMs(attempts, baseDelayMs)),
        });
    }
  }
  return sent;
}
