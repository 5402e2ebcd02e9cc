/**
 * The API reference page at `/docs`: Swagger UI rendering `/openapi.json`, served entirely from
 * this server. Its script and stylesheet are read once from the `swagger-ui-dist` package in
 * node_modules, and the page's start-up script is a file too, so the page works offline and under
 * a Content-Security-Policy with no inline script or style and no CDN.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ApiApp } from './api-env.js';

interface Asset {
  body: Uint8Array;
  type: string;
}

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sentinela API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="stylesheet" href="/docs/assets/reference-page.css">
</head>
<body>
<div id="reference"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/reference-page.js"></script>
</body>
</html>
`;

// Started from a file (CSP forbids inline script). No validator badge: it would call a remote service.
const startScript = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#reference',
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    persistAuthorization: false,
  });
});
`;

const pageStyle = `body { margin: 0; }
`;

/** Reads the Swagger UI files from the installed package; throws if it is missing. */
function loadAssets(): Map<string, Asset> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('swagger-ui-dist/package.json'));
  const file = (name: string, type: string): Asset => ({ body: readFileSync(join(root, name)), type });
  const text = (body: string, type: string): Asset => ({ body: new TextEncoder().encode(body), type });
  return new Map([
    ['swagger-ui.css', file('swagger-ui.css', 'text/css; charset=utf-8')],
    ['swagger-ui-bundle.js', file('swagger-ui-bundle.js', 'text/javascript; charset=utf-8')],
    ['reference-page.js', text(startScript, 'text/javascript; charset=utf-8')],
    ['reference-page.css', text(pageStyle, 'text/css; charset=utf-8')],
  ]);
}

let assets: Map<string, Asset> | undefined;

/**
 * Adds `GET /docs` and `GET /docs/assets/:name`. Public: the page shows how to call the API, no data.
 *
 * @example
 * registerReferencePage(app);
 */
export function registerReferencePage(app: ApiApp): void {
  app.get('/docs', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(page);
  });
  app.get('/docs/assets/:name', (c) => {
    assets ??= loadAssets();
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.notFound();
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });
}
