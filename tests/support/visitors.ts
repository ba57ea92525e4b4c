import { signVisitorAddress, VISITOR_HEADER } from '@carbot/core/http/client-ip';
import { inject } from 'vitest';

/**
 * Headers of a request the site server forwards on behalf of the visitor at `ip` (the registration form
 * does this), signed with the secret it shares with Directus. A plain X-Forwarded-For counts for nothing:
 * nothing stands in front of the test's Directus.
 */
export function viaSiteServer(ip: string): Record<string, string> {
  const value = signVisitorAddress(inject('edgeUrls').sitesPurgeSecret as string, ip);
  if (!value) throw new Error(`Keine gültige Adresse: ${ip}`);
  return { [VISITOR_HEADER]: value };
}
