/**
 * A dealer's server: the feed file a pull fetches (with ETag and Last-Modified, answering conditional
 * requests with 304) and the vehicle photos the sync downloads. Tests publish files with
 * `PUT /feeds/<name>` (body = bytes, Content-Type kept) and photos are generated for any
 * `/images/<name>.png`; `/images/broken-…` answers 404 and `/images/slow-…` never answers. `GET /_stats`
 * tells how often each path was requested and with which status.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { png } from '../png.ts';
import type { Edge } from './index.ts';

type File = { body: Buffer; type: string; etag: string; modified: string };

export async function startDealer(): Promise<Edge> {
  const files = new Map<string, File>();
  const stats = new Map<string, Record<string, number>>();
  const count = (path: string, status: number) => {
    const entry = stats.get(path) ?? {};
    entry[status] = (entry[status] ?? 0) + 1;
    stats.set(path, entry);
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://dealer');
    const path = url.pathname;
    if (req.method === 'PUT' && path.startsWith('/feeds/')) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      files.set(path, {
        body,
        type: String(req.headers['content-type'] ?? 'application/octet-stream'),
        etag: `"${createHash('sha1').update(body).digest('hex')}"`,
        modified: new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString(),
      });
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && path === '/_stats') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Object.fromEntries(stats)));
      return;
    }
    if (req.method === 'GET' && path.startsWith('/feeds/')) {
      const file = files.get(path);
      if (!file) {
        count(path, 404);
        res.writeHead(404).end('not found');
        return;
      }
      const conditional = req.headers['if-none-match'] === file.etag;
      count(path, conditional ? 304 : 200);
      if (conditional) {
        res.writeHead(304, { etag: file.etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': file.type, etag: file.etag, 'last-modified': file.modified }).end(file.body);
      return;
    }
    if (req.method === 'GET' && path.startsWith('/images/')) {
      const name = path.slice('/images/'.length);
      if (name.startsWith('slow-')) {
        count(path, 0);
        return; // never answers: the sync's timeout must end it
      }
      if (name.startsWith('broken-')) {
        count(path, 404);
        res.writeHead(404).end();
        return;
      }
      // The picture follows the name, so different names are different images.
      const h = createHash('sha1').update(name).digest();
      const body = png(32, 24, [
        [h[0] ?? 0, h[1] ?? 0, h[2] ?? 0],
        [h[3] ?? 0, h[4] ?? 0, h[5] ?? 0],
      ]);
      count(path, 200);
      res.writeHead(200, { 'content-type': 'image/png', etag: `"${h.toString('hex')}"` }).end(body);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    name: 'dealer',
    env: {
      CARBOT_SYNC_ALLOW_PRIVATE_URLS: 'true',
      // Short leases so a run whose server was killed is taken over within seconds.
      CARBOT_SYNC_LEASE_SECONDS: '6',
      CARBOT_SYNC_IMAGE_TIMEOUT_SECONDS: '2',
      CARBOT_SYNC_SCHEDULE: '*/2 * * * * *',
    },
    urls: { dealer: url },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
