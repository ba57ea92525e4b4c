import { type MailDecision, mailDecision } from '@carbot/core/chat/mail-cap';
import type { Knex } from 'knex';

/**
 * How many notification mails the widget queued for this address of this tenant within the window,
 * counted in the outbox so that all Directus instances share one cap. The window is computed by the
 * database against the column's own default (SQLite stores CURRENT_TIMESTAMP as text).
 */
export async function widgetMailDecision(
  db: Knex,
  mail: { tenant: string; to: string },
  cap: { limit: number; windowSeconds: number },
): Promise<MailDecision> {
  const sqlite = String(db.client.config.client).includes('sqlite');
  const since = sqlite
    ? db.raw(`datetime('now', ?)`, [`-${cap.windowSeconds} seconds`])
    : db.raw(`now() - (? * interval '1 second')`, [cap.windowSeconds]);
  const row = await db('carbot_outbox')
    .where({ tenant: mail.tenant, recipient: mail.to })
    .where('created_at', '>=', since)
    .count({ n: '*' })
    .first();
  return mailDecision(Number(row?.n ?? 0), cap.limit);
}
