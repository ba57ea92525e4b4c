import { ADMIN_LANGUAGE } from '@carbot/core/admin/shell';
import { readSettings, updateSettings } from '@directus/sdk';
import type { Client } from './directus-client.ts';

/**
 * Directus suspends an account after `auth_login_attempts` wrong passwords (25 by default), from any
 * address: anybody who knows an owner's e-mail could lock them out. CarBot throttles logins per account
 * and address instead (hook `account-guard`), so the suspension stays off; applied on every start, since
 * turning it back on in the admin would reopen that hole. Returns whether anything changed.
 */
export async function applyAccountSettings(client: Client): Promise<boolean> {
  const settings = await client.request(readSettings({ fields: ['auth_login_attempts'] }));
  if (settings.auth_login_attempts === null) return false;
  await client.request(updateSettings({ auth_login_attempts: null } as never));
  return true;
}

/**
 * The admin speaks German: the project language is set where it still is Directus's own default
 * (English), also on installations made before CarBot set it. A different language chosen in the
 * admin stays. Returns whether anything changed.
 */
export async function applyAdminLanguage(client: Client): Promise<boolean> {
  const settings = await client.request(readSettings({ fields: ['default_language'] }));
  const current = (settings as { default_language?: string | null }).default_language;
  if (current && current !== 'en-US') return false;
  await client.request(updateSettings({ default_language: ADMIN_LANGUAGE }));
  return true;
}
