/**
 * The quick start's own mail server. Without one, a person who registers on the platform site never gets
 * the confirmation link and is stuck. When nobody configured a mail transport, `npm start` runs this
 * sink on a free local port: Directus delivers to it over real SMTP, every mail is kept as an .eml file,
 * and the console names the recipient, subject and first link so it can be clicked right away.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DATA_DIR, ROOT } from './config.ts';

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header. */
export function decodeHeader(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_m, _charset, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

export function decodeQuotedPrintable(value: string): string {
  const bytes = value
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Subject and the decoded text of every part, in order (nodemailer puts text/plain before HTML). */
export function parseMail(raw: string): { subject: string; text: string } {
  const [head = ''] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeHeader(/^subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '');
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const texts = parts.map((part) => {
    const [partHead = '', ...rest] = part.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    if (/content-transfer-encoding:\s*base64/i.test(partHead))
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/content-transfer-encoding:\s*quoted-printable/i.test(partHead)) return decodeQuotedPrintable(body);
    return body;
  });
  return { subject, text: texts.join('\n') };
}

/**
 * The first web address in a mail's text — usually the one the mail is about (confirm, reset, pay).
 * Images (`src=`, CSS `url(`) are skipped: Directus's own HTML-only mails start with a logo.
 */
export function firstLink(text: string): string | null {
  for (const match of text.matchAll(/(\bsrc\s*=\s*["']?|url\(\s*["']?)?(https?:\/\/[^\s<>"')\]]+)/gi)) {
    if (match[1] || !match[2]) continue;
    return match[2].replace(/&amp;/g, '&').replace(/[.,;:!?]+$/, '');
  }
  return null;
}

/** A file name that sorts by arrival and says who the mail was for. */
export function mailFileName(to: string[], at: Date, n: number): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const who = (to[0] ?? 'unbekannt')
    .toLowerCase()
    .replace(/[^a-z0-9@._+-]+/g, '_')
    .slice(0, 80);
  return `${stamp}-${String(n).padStart(4, '0')}-${who}.eml`;
}

export type CaughtMail = { to: string[]; subject: string; link: string | null; file: string };

/** Line in the console for one caught mail: recipient, subject, first link. */
export function mailNotice(mail: Pick<CaughtMail, 'to' | 'subject' | 'link'>): string {
  const to = mail.to.join(', ') || '(ohne Empfänger)';
  return `✉ E-Mail an ${to}: „${mail.subject || '(ohne Betreff)'}“${mail.link ? ` – Link: ${mail.link}` : ''}`;
}

/** Accepts every mail on 127.0.0.1 (no auth, no TLS) and stores it under `dir`; never delivers anywhere. */
export async function startMailSink(
  dir: string,
  onMail: (mail: CaughtMail) => void,
): Promise<{ port: number; close: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Mails with attachments (a lead's photos) fit; anything larger is not a mail CarBot sends.
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((r) => r.address);
        const file = join(dir, mailFileName(to, new Date(), ++count));
        try {
          writeFileSync(file, raw);
        } catch (error) {
          callback(Object.assign(new Error('Mail konnte nicht gespeichert werden'), { responseCode: 451 }));
          console.error(`E-Mail konnte nicht gespeichert werden: ${(error as Error).message}`);
          return;
        }
        const { subject, text } = parseMail(raw.toString('utf8'));
        callback();
        onMail({ to, subject, link: firstLink(text), file });
      });
    },
  });
  // A sender that dies mid-conversation (Directus killed or restarted) resets its connection; smtp-server
  // reports that as an 'error' event, which without a listener would end the whole process.
  smtp.on('error', (error) => console.error(`Mail-Sink: Verbindung abgebrochen (${error.message})`));
  await new Promise<void>((done, fail) => {
    smtp.server.once('error', fail);
    smtp.listen(0, '127.0.0.1', done);
  });
  return {
    port: (smtp.server.address() as AddressInfo).port,
    close: () => new Promise<void>((done) => smtp.close(() => done())),
  };
}

/** True when the operator chose a mail transport: in the environment or in Directus's own config file. */
export function mailConfigured(env: NodeJS.ProcessEnv): boolean {
  if (Object.keys(env).some((key) => key.startsWith('EMAIL_TRANSPORT') && env[key])) return true;
  // Directus reads CONFIG_PATH (default ./.env) itself, and its values win over ours.
  const file = resolve(ROOT, env.CONFIG_PATH ?? '.env');
  return existsSync(file) && /EMAIL_TRANSPORT/.test(readFileSync(file, 'utf8'));
}

/**
 * `npm start` without mail settings: starts the sink and points Directus at it (in `env`). With a
 * transport of the operator's own, it does nothing.
 */
export async function useLocalMailSink(
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
  dataDir = DATA_DIR,
): Promise<void> {
  if (mailConfigured(env)) return;
  const dir = join(dataDir, 'mail');
  const sink = await startMailSink(dir, (mail) => console.log(mailNotice(mail)));
  Object.assign(env, {
    EMAIL_TRANSPORT: 'smtp',
    EMAIL_SMTP_HOST: '127.0.0.1',
    EMAIL_SMTP_PORT: String(sink.port),
    EMAIL_SMTP_SECURE: 'false',
    EMAIL_SMTP_IGNORE_TLS: 'true',
  });
  const shown = relative(ROOT, dir);
  log(
    `E-Mail: kein Versand eingerichtet (EMAIL_TRANSPORT) – Mails bleiben lokal in ${shown.startsWith('..') ? dir : shown}/ und erscheinen hier mit Link`,
  );
}
