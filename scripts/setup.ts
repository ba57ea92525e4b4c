/**
 * `npm run setup`: prepares a Directus that runs elsewhere (docker compose, a server): applies schema
 * and access, creates the site server's user and seeds reference data, plus demo data unless
 * CARBOT_DEMO=false. Reads DIRECTUS_URL, CARBOT_AUTOMATION_TOKEN (an admin's static token) and
 * CARBOT_SITES_TOKEN.
 */
import { prepareDirectus } from './lib/platform.ts';
import { seedBase, seedDemo } from './lib/seed.ts';

const log = (message: string) => console.log(`▸ ${message}`);
const env: NodeJS.ProcessEnv = { ...process.env, PUBLIC_URL: process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055' };
for (const name of ['CARBOT_AUTOMATION_TOKEN', 'CARBOT_SITES_TOKEN']) {
  if (!env[name]) {
    console.error(`${name} fehlt.`);
    process.exit(2);
  }
}
const client = await prepareDirectus(env, log);
await seedBase(client, log);
if (env.CARBOT_DEMO !== 'false') await seedDemo(client, log);
log('Fertig.');
