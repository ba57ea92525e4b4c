/**
 * A local SMTP server standing in for the workshop's mail provider. Directus's mailer delivers to it
 * over real SMTP; tests read what arrived, and can make the next deliveries fail, through a small HTTP
 * control API (the test files run in other processes than this one).
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail } from '../../../scripts/lib/mail-sink.ts';
import type { Edge } from './index.ts';

export type SinkMessage = { from: string; to: string[]; subject: string; text: string; raw: string };

// The product's own mail sink (npm start) decodes mails the same way; one decoder for both.
export { decodeHeader, parseMail } from '../../../scripts/lib/mail-sink.ts';

export async function startSmtp(): Promise<Edge> {
  const messages: SinkMessage[] = [];
  let failNext = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          const error = Object.assign(new Error('Mailserver vorübergehend nicht erreichbar'), { responseCode: 451 });
          callback(error);
          return;
        }
        const { subject, text } = parseMail(raw);
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject,
          text,
          raw,
        });
        callback();
      });
    },
  });
  // The cluster suite kills a Directus mid-send; a reset connection must not end the test process.
  smtp.on('error', () => undefined);
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const control = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/messages') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(messages));
    } else if (req.method === 'DELETE' && url.pathname === '/messages') {
      messages.length = 0;
      res.end();
    } else if (req.method === 'POST' && url.pathname === '/fail') {
      failNext = Number(url.searchParams.get('count') ?? 1);
      res.end();
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;

  return {
    name: 'smtp',
    env: {
      EMAIL_TRANSPORT: 'smtp',
      EMAIL_FROM: 'noreply@carbot.example.com',
      EMAIL_SMTP_HOST: '127.0.0.1',
      EMAIL_SMTP_PORT: String(smtpPort),
      EMAIL_SMTP_SECURE: 'false',
      EMAIL_SMTP_IGNORE_TLS: 'true',
      EMAIL_VERIFY_SETUP: 'false',
      // The outbox retries quickly in tests so that a failed delivery is seen going out later.
      CARBOT_OUTBOX_INTERVAL_MS: '300',
      CARBOT_OUTBOX_RETRY_MS: '300',
    },
    urls: { smtpControl: controlUrl },
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => control.close(() => resolve()));
    },
  };
}
