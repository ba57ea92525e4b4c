import { readSettings, updateSettings } from '@directus/sdk';
import type { Client } from './directus-client.ts';

type BarItem = { type: 'module' | 'link'; id: string; enabled: boolean } & Record<string, unknown>;

/** Directus's own module bar, used when the installation never changed it (the setting is then null). */
const DIRECTUS_DEFAULT: BarItem[] = [
  { type: 'module', id: 'content', enabled: true },
  { type: 'module', id: 'visual', enabled: false },
  { type: 'module', id: 'users', enabled: true },
  { type: 'module', id: 'files', enabled: true },
  { type: 'module', id: 'insights', enabled: true },
  { type: 'module', id: 'deployments', enabled: false },
  { type: 'link', id: 'docs', enabled: true, name: '$t:documentation', icon: 'help', url: 'https://docs.directus.io' },
  { type: 'module', id: 'settings', enabled: true, locked: true },
];

/** CarBot's admin pages; each only shows for the roles its module allows. */
export const CARBOT_MODULES = [
  'carbot-start',
  'carbot-inbox',
  'carbot-insights',
  'carbot-feeds',
  'carbot-billing',
  'carbot-privacy',
];

/**
 * Puts CarBot's modules into the module bar, right after "Content". Only adds what is missing, so a
 * module an administrator switched off or moved stays as they left it.
 */
export async function ensureModuleBar(client: Client): Promise<number> {
  const settings = (await client.request(readSettings({ fields: ['module_bar'] }))) as { module_bar: BarItem[] | null };
  const bar = [...(settings.module_bar ?? DIRECTUS_DEFAULT)];
  const missing = CARBOT_MODULES.filter((id) => !bar.some((item) => item.id === id));
  if (missing.length === 0) return 0;
  const after = bar.findIndex((item) => item.id === 'content');
  bar.splice(after + 1, 0, ...missing.map((id): BarItem => ({ type: 'module', id, enabled: true })));
  await client.request(updateSettings({ module_bar: bar } as never));
  return missing.length;
}
