import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDns } from './dns.ts';

let edge: Awaited<ReturnType<typeof startDns>>;
beforeAll(async () => {
  edge = await startDns();
});
afterAll(() => edge?.close());

const resolver = () => {
  const r = new Resolver({ timeout: 2000, tries: 1 });
  r.setServers([String(edge.env.CARBOT_DNS_SERVERS)]);
  return r;
};

test("Node's resolver reads TXT records from the edge, and NXDOMAIN for unknown names", async () => {
  const long = `carbot-verify=${'x'.repeat(300)}`;
  await fetch(`${edge.urls.dnsControl}/records/_carbot-verify.www.a.example`, {
    method: 'PUT',
    body: JSON.stringify(['v=spf1 -all', long]),
  });
  const records = await resolver().resolveTxt('_carbot-verify.WWW.A.example');
  expect(records.map((r) => r.join(''))).toEqual(['v=spf1 -all', long]);
  await expect(resolver().resolveTxt('_carbot-verify.www.b.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  await fetch(`${edge.urls.dnsControl}/records/_carbot-verify.www.a.example`, { method: 'DELETE' });
  await expect(resolver().resolveTxt('_carbot-verify.www.a.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
});
