/**
 * Public addresses of the sites as visitors type them: the platform site on the bare `SITES_DOMAIN`,
 * a workshop on `{slug}.{SITES_DOMAIN}`. Local domains (`localhost`, `*.localhost`) are served over
 * plain HTTP on the site server's port; every other domain over HTTPS on the default port, behind the
 * proxy that terminates TLS.
 */
export type SitesEnv = { SITES_DOMAIN?: unknown; SITES_PUBLIC_PORT?: unknown; SITES_PORT?: unknown };

function parts(env: SitesEnv) {
  const domain = String(env.SITES_DOMAIN || 'localhost').toLowerCase();
  const local = domain === 'localhost' || domain.endsWith('.localhost');
  const port = String(env.SITES_PUBLIC_PORT || env.SITES_PORT || '4321');
  return { domain, local, port };
}

export function platformOrigin(env: SitesEnv): string {
  const { domain, local, port } = parts(env);
  return local ? `http://${domain}:${port}` : `https://${domain}`;
}

export function workshopOrigin(env: SitesEnv, slug: string): string {
  const { domain, local, port } = parts(env);
  return local ? `http://${slug}.${domain}:${port}` : `https://${slug}.${domain}`;
}

/** The one line a workshop puts on its other websites to show the chat. */
export function embedSnippet(env: SitesEnv, clientKey: string): string {
  const attr = clientKey.replace(/[^A-Za-z0-9_-]/g, '');
  return `<script src="${platformOrigin(env)}/widget.js" data-client-key="${attr}" async></script>`;
}
