import { platformHosts } from '@carbot/core/sites/addresses';

/** The address rules' view of the configuration: the sites domain and the platform's own hosts. */
export function addressOptions(env: Record<string, unknown>) {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const sitesUrls = str(env.CARBOT_SITES_URLS)?.split(',') ?? [];
  return {
    sitesDomain: str(env.SITES_DOMAIN) ?? 'localhost',
    platformHosts: platformHosts([
      str(env.PUBLIC_URL),
      str(env.CARBOT_ADMIN_URL),
      str(env.PUBLIC_DIRECTUS_URL),
      str(env.DIRECTUS_URL),
      ...sitesUrls,
    ]),
  };
}

/** CARBOT_DNS_SERVERS: resolvers for the TXT check (`ip[:port]`, comma-separated); unset = the system's. */
export function dnsServers(env: Record<string, unknown>): string[] {
  const value = env.CARBOT_DNS_SERVERS;
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  return list.map((s) => s.trim()).filter(Boolean);
}
