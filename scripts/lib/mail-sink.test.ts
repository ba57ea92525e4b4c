import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type CaughtMail, firstLink, mailConfigured, mailFileName, mailNotice, startMailSink } from './mail-sink.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'carbot-mail-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A minimal SMTP client: enough of the protocol to hand one message over, as Directus's mailer does. */
function deliver(port: number, from: string, to: string, message: string): Promise<void> {
  const steps = [`EHLO test`, `MAIL FROM:<${from}>`, `RCPT TO:<${to}>`, 'DATA', `${message}\r\n.`, 'QUIT'];
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      // Replies end with a line "NNN text"; multi-line replies use "NNN-text" before it.
      while (/^\d{3} .*\r\n/m.test(buffer)) {
        const line = /^(\d{3}) .*\r\n/m.exec(buffer);
        buffer = buffer.slice((line?.index ?? 0) + (line?.[0].length ?? 0));
        if (Number(line?.[1]) >= 400) return reject(new Error(line?.[0]));
        const next = steps.shift();
        if (next === undefined) return socket.end();
        socket.write(`${next}\r\n`);
      }
    });
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

const MAIL = [
  'From: noreply@example.com',
  'To: anna@example.com',
  'Subject: =?UTF-8?Q?Bitte_best=C3=A4tigen_Sie_Ihre_E-Mail-Adresse?=',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Guten Tag Anna,',
  '',
  'E-Mail-Adresse best=C3=A4tigen:',
  'http://127.0.0.1:8055/onboarding/verify?token=3Dabc.def',
].join('\r\n');

describe('mail sink', () => {
  test('keeps a delivered mail as .eml and reports recipient, subject and first link', async () => {
    const dir = tempDir();
    const caught: CaughtMail[] = [];
    const sink = await startMailSink(dir, (mail) => caught.push(mail));
    try {
      await deliver(sink.port, 'noreply@example.com', 'anna@example.com', MAIL);
    } finally {
      await sink.close();
    }
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatchObject({
      to: ['anna@example.com'],
      subject: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
      link: 'http://127.0.0.1:8055/onboarding/verify?token=abc.def',
    });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-anna@example\.com\.eml$/);
    expect(readFileSync(join(dir, files[0] ?? ''), 'utf8')).toContain('Subject: =?UTF-8?Q?Bitte_best');
  });
});

describe('firstLink', () => {
  test.each([
    [
      'Bestätigen:\nhttps://carbot.example/onboarding/verify?token=a.b\n',
      'https://carbot.example/onboarding/verify?token=a.b',
    ],
    ['<a href="http://x.test/a?b=1&amp;c=2">Los</a>', 'http://x.test/a?b=1&c=2'],
    ['Siehe http://x.test/hilfe.', 'http://x.test/hilfe'],
    ['<img src="http://x.test/logo.png"><a href="http://x.test/reset?token=t">Neu</a>', 'http://x.test/reset?token=t'],
    ['<td style="background:url(\'http://x.test/bg.png\')"><a href=http://x.test/a>', 'http://x.test/a'],
    ['Kein Link hier.', null],
  ])('%j', (text, link) => {
    expect(firstLink(text)).toBe(link);
  });
});

describe('mailNotice', () => {
  test.each([
    [
      { to: ['anna@example.com'], subject: 'Hallo', link: 'http://x.test/a' },
      '✉ E-Mail an anna@example.com: „Hallo“ – Link: http://x.test/a',
    ],
    [{ to: [], subject: '', link: null }, '✉ E-Mail an (ohne Empfänger): „(ohne Betreff)“'],
  ])('%j', (mail, line) => {
    expect(mailNotice(mail)).toBe(line);
  });
});

test('file names sort by arrival and are safe', () => {
  expect(mailFileName(['Anna <x>@example.com'], new Date('2026-01-02T03:04:05.678Z'), 7)).toBe(
    '2026-01-02T03-04-05-678Z-0007-anna_x_@example.com.eml',
  );
});

describe('mailConfigured', () => {
  test.each([
    [{}, false],
    [{ EMAIL_TRANSPORT: 'smtp' }, true],
    [{ EMAIL_TRANSPORT: '' }, false],
    [{ EMAIL_TRANSPORT_FILE: '/run/secrets/transport' }, true],
    [{ EMAIL_SMTP_HOST: 'mail.example.com' }, false],
  ])('%j → %s', (env, configured) => {
    expect(mailConfigured({ ...env, CONFIG_PATH: join(tempDir(), 'missing.env') })).toBe(configured);
  });

  test("Directus's own config file counts too", () => {
    const file = join(tempDir(), '.env');
    writeFileSync(file, 'EMAIL_TRANSPORT="sendgrid"\n');
    expect(mailConfigured({ CONFIG_PATH: file })).toBe(true);
  });
});
