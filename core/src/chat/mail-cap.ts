/**
 * Notification mails the widget triggers (new or corrected leads, requests for a person) are capped per
 * workshop address and window: a script that opens conversations and submits leads must not flood a
 * workshop's inbox. Leads are stored regardless; the admin shows which ones were not mailed.
 */
export const DEFAULT_LEAD_MAIL_LIMIT = { limit: 20, windowSeconds: 3600 };

export type MailDecision = 'send' | 'send-last' | 'suppress';

/** `sent` mails already went to this address in the current window. */
export function mailDecision(sent: number, limit: number): MailDecision {
  if (sent >= limit) return 'suppress';
  return sent === limit - 1 ? 'send-last' : 'send';
}

const window = (seconds: number) =>
  seconds % 3600 === 0
    ? `${seconds / 3600 === 1 ? 'einer Stunde' : `${seconds / 3600} Stunden`}`
    : `${Math.max(1, Math.round(seconds / 60))} Minuten`;

/** Appended to the last mail before the cap, so the workshop knows why the next ones do not come. */
export const lastMailHint = (limit: number, windowSeconds: number) =>
  `Hinweis: Dies ist die ${limit}. Benachrichtigung aus dem Chat innerhalb ${window(windowSeconds)}. Weitere Anfragen in diesem Zeitraum werden im Admin gespeichert, aber nicht mehr per E-Mail gemeldet (Schutz vor massenhaften Anfragen).`;

/** Written into the lead's notes when its mail was held back. */
export const suppressedNote = (limit: number, windowSeconds: number, at: Date) =>
  `[CarBot ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC] Keine E-Mail-Benachrichtigung: Es gingen bereits ${limit} Chat-Benachrichtigungen innerhalb ${window(windowSeconds)} an die Werkstatt (Schutz vor massenhaften Anfragen).`;
