import { inject } from 'vitest';
import type { SinkMessage } from './edges/smtp.ts';

/** Mails that reached the local SMTP sink so far. */
export async function sentMails(): Promise<SinkMessage[]> {
  return (await fetch(`${inject('edgeUrls').smtpControl}/messages`)).json() as Promise<SinkMessage[]>;
}

export async function clearMails(): Promise<void> {
  await fetch(`${inject('edgeUrls').smtpControl}/messages`, { method: 'DELETE' });
}

/** Makes the next `count` deliveries fail with a temporary SMTP error (451). */
export async function failNextMails(count: number): Promise<void> {
  await fetch(`${inject('edgeUrls').smtpControl}/fail?count=${count}`, { method: 'POST' });
}

/** Waits until a mail matching `predicate` arrives (mail is sent asynchronously by Directus). */
export async function waitForMail(predicate: (m: SinkMessage) => boolean, timeoutMs = 10_000): Promise<SinkMessage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await sentMails()).find(predicate);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Keine passende E-Mail angekommen.');
}
