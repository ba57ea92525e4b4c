/**
 * A tiny authoritative DNS server on 127.0.0.1 (UDP, the real wire format) standing in for the internet's
 * DNS when Directus checks a custom domain's `_carbot-verify` TXT record. Directus's resolver is pointed at
 * it through CARBOT_DNS_SERVERS. Tests publish records through `PUT /records/<name>` (body: JSON list of
 * TXT strings) and remove them with `DELETE /records/<name>`; unknown names answer NXDOMAIN.
 */
import { createSocket } from 'node:dgram';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Edge } from './index.ts';

const TXT = 16;

/** The question of a query: name (lower case, no trailing dot), type, and where the question ends. */
function question(msg: Buffer): { name: string; type: number; end: number } | null {
  let offset = 12;
  const labels: string[] = [];
  while (offset < msg.length) {
    const len = msg[offset] ?? 0;
    if (len === 0) break;
    if (len > 63) return null; // compression pointers never appear in a question we are sent
    labels.push(msg.subarray(offset + 1, offset + 1 + len).toString('latin1'));
    offset += len + 1;
  }
  if (offset + 5 > msg.length) return null;
  return { name: labels.join('.').toLowerCase(), type: msg.readUInt16BE(offset + 1), end: offset + 5 };
}

function txtRdata(strings: string[]): Buffer {
  const parts: Buffer[] = [];
  for (const s of strings) {
    const bytes = Buffer.from(s, 'utf8');
    for (let i = 0; i === 0 || i < bytes.length; i += 255) {
      const chunk = bytes.subarray(i, i + 255);
      parts.push(Buffer.from([chunk.length]), chunk);
    }
  }
  return Buffer.concat(parts);
}

export function answer(query: Buffer, records: Map<string, string[][]>): Buffer | null {
  if (query.length < 12) return null;
  const q = question(query);
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  const rd = (query[2] ?? 0) & 0x01;
  if (!q) {
    header.writeUInt16BE(0x8000 | (rd << 8) | 1, 2); // FORMERR
    return header;
  }
  const known = records.get(q.name);
  const answers = known && q.type === TXT ? known : [];
  header.writeUInt16BE(0x8400 | (rd << 8) | 0x80 | (known ? 0 : 3), 2); // QR AA RA, NOERROR/NXDOMAIN
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  const body = [header, query.subarray(12, q.end)];
  for (const strings of answers) {
    const rdata = txtRdata(strings);
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0); // name: pointer to the question
    rr.writeUInt16BE(TXT, 2);
    rr.writeUInt16BE(1, 4); // IN
    rr.writeUInt32BE(0, 6); // TTL 0: tests change records
    rr.writeUInt16BE(rdata.length, 10);
    body.push(rr, rdata);
  }
  return Buffer.concat(body);
}

export async function startDns(): Promise<Edge> {
  const records = new Map<string, string[][]>();
  const udp = createSocket('udp4');
  udp.on('message', (msg, peer) => {
    const reply = answer(msg, records);
    if (reply) udp.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  const dnsPort = udp.address().port;

  const control = createServer(async (req, res) => {
    const match = /^\/records\/([^/?]+)$/.exec(req.url ?? '');
    const name = match?.[1] ? decodeURIComponent(match[1]).toLowerCase().replace(/\.$/, '') : null;
    let body = '';
    for await (const chunk of req) body += chunk;
    if (!name) {
      res.statusCode = 404;
      res.end();
      return;
    }
    if (req.method === 'PUT') {
      const list = JSON.parse(body || '[]') as string[];
      records.set(
        name,
        list.map((s) => [s]),
      );
    } else if (req.method === 'DELETE') records.delete(name);
    res.statusCode = 204;
    res.end();
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const { port } = control.address() as AddressInfo;
  return {
    name: 'dns',
    env: { CARBOT_DNS_SERVERS: `127.0.0.1:${dnsPort}` },
    urls: { dnsControl: `http://127.0.0.1:${port}` },
    close: async () => {
      udp.close();
      await new Promise<void>((resolve) => control.close(() => resolve()));
    },
  };
}
