/**
 * The analyst workbench, served from the same origin as the API: `GET /` is the built page
 * (`dist/web/index.html`) and `GET /assets/NAME` its hashed scripts and styles. Its pages live
 * after the `#`, so no page path can clash with an API route. Public like the reference page: the
 * files hold no data; every call they make to the API is authenticated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { ApiApp } from './api-env.js';

const mediaTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** `dist/web` of the package this module belongs to (from `src/` under tsx or from `dist/src/`). */
export function workbenchFolder(): string | undefined {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  const folder = join(dir, 'dist', 'web');
  return existsSync(join(folder, 'index.html')) ? folder : undefined;
}

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

/**
 * @example
 * registerWorkbench(app); // GET / → the workbench, when `npm run build` has built it
 */
export function registerWorkbench(app: ApiApp, folder = workbenchFolder()): void {
  if (!folder) {
    app.get('/', (c) => c.text('The workbench is not built: run `npm run build`. The API is at /docs.', 404));
    return;
  }
  // Read once at start: the files are small, and a request never touches the file system by name.
  const index = readFileSync(join(folder, 'index.html'), 'utf8');
  const assets = new Map<string, Asset>();
  const assetFolder = join(folder, 'assets');
  if (existsSync(assetFolder))
    for (const name of readdirSync(assetFolder)) {
      const type = mediaTypes[extname(name)];
      if (type) assets.set(name, { body: new Uint8Array(readFileSync(join(assetFolder, name))), type });
    }
  app.get('/', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(index);
  });
  app.get('/assets/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.notFound();
    c.header('Content-Type', asset.type);
    // File names carry a content hash, so a name never changes meaning.
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(asset.body);
  });
}
