/** A minimal German page for the links in onboarding e-mails: no scripts, no external resources. */
export function page(title: string, body: string[]): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} – CarBot</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f4f6f8;color:#1a1a1a;margin:0;padding:2rem 1rem;line-height:1.5}
main{max-width:34rem;margin:0 auto;background:#fff;border-radius:12px;padding:2rem;box-shadow:0 1px 3px rgba(0,0,0,.1)}
h1{font-size:1.5rem;margin-top:0}
button,.button{display:inline-block;font:inherit;font-weight:600;background:#1f5fbf;color:#fff;border:0;border-radius:8px;padding:.75rem 1.25rem;text-decoration:none;cursor:pointer}
button:focus-visible,.button:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body.join('\n')}
</main>
</body>
</html>`;
}
