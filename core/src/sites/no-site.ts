/**
 * The page for a host that shows no website on CarBot: an unknown subdomain or domain, a workshop whose
 * site is not published, or one on a plan with the chat widget only. Still a 404, but a page a visitor
 * understands, in the platform's colours, with a way on to the platform. Self-contained (styles inline,
 * no fonts, images or scripts), because it is answered before any site or build file is involved, and
 * the same for every such host, so it tells nobody whether a workshop exists behind it.
 */
import { normaliseHost } from '../hosts.ts';
import { escapeHtml } from '../text/escape.ts';

/** The platform site's home on the scheme and port the visitor used (the port matters without a proxy). */
export function platformHome(requestOrigin: string, sitesDomain: string): string {
  const domain = normaliseHost(sitesDomain) ?? 'localhost';
  const origin = URL.canParse(requestOrigin) ? new URL(requestOrigin) : new URL('http://localhost');
  return `${origin.protocol}//${domain}${origin.port ? `:${origin.port}` : ''}/`;
}

export const NO_SITE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export function noSitePage(platformUrl: string): string {
  const home = escapeHtml(platformUrl);
  const register = escapeHtml(new URL('registrieren', platformUrl).href);
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Keine Website unter dieser Adresse – CarBot</title>
<style>
:root{color-scheme:light;--primary:#0f3d3e;--accent:#e07a1f;--surface:#eef4f3;--text:#1b1f24;--muted:#4a5260}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--text);background:var(--surface)}
header{background:var(--primary);color:#fff;padding:1rem 1.25rem}
.brand{font-weight:700;font-size:1.25rem;letter-spacing:.01em;color:#fff;text-decoration:none;display:inline-flex;align-items:center;gap:.5rem}
main{flex:1;display:flex;align-items:center;justify-content:center;padding:2rem 1.25rem}
.card{background:#fff;max-width:36rem;width:100%;border-radius:.75rem;padding:2rem 1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(15,61,62,.08)}
.code{margin:0 0 .25rem;color:var(--accent);font-weight:700;letter-spacing:.08em;text-transform:uppercase;font-size:.875rem}
h1{margin:0 0 .75rem;font-size:clamp(1.5rem,5vw,2rem);line-height:1.2;color:var(--primary)}
p{margin:0 0 1rem}
.muted{color:var(--muted)}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
.button{display:inline-block;padding:.75rem 1.25rem;border-radius:.5rem;font-weight:600;text-decoration:none;background:var(--primary);color:#fff;min-height:44px}
.button--ghost{background:transparent;color:var(--primary);box-shadow:inset 0 0 0 2px var(--primary)}
.button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
footer{padding:1rem 1.25rem;text-align:center;color:var(--muted);font-size:.875rem}
</style>
</head>
<body>
<header><a class="brand" href="${home}"><svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false"><rect width="28" height="28" rx="7" fill="#e07a1f"/><path d="M7 17.5 9 12a2 2 0 0 1 1.9-1.4h6.2A2 2 0 0 1 19 12l2 5.5M6.5 17.5h15v3h-15z" fill="none" stroke="#fff" stroke-width="1.8" stroke-linejoin="round"/><circle cx="10" cy="20.5" r="1.6" fill="#fff"/><circle cx="18" cy="20.5" r="1.6" fill="#fff"/></svg>CarBot</a></header>
<main>
<div class="card">
<p class="code">Fehler 404</p>
<h1>Unter dieser Adresse gibt es keine Website</h1>
<p>Vielleicht hat sich ein Tippfehler in die Adresse geschlichen, oder die Werkstatt hat ihre Website noch nicht veröffentlicht.</p>
<p class="muted">Sie suchen eine bestimmte Werkstatt? Prüfen Sie die Adresse oder fragen Sie die Werkstatt direkt nach ihrer Website.</p>
<div class="actions">
<a class="button" href="${home}">Zur CarBot-Startseite</a>
<a class="button button--ghost" href="${register}">Website für Ihre Werkstatt</a>
</div>
</div>
</main>
<footer>CarBot – Websites und KI-Assistent für Kfz-Werkstätten</footer>
</body>
</html>
`;
}
