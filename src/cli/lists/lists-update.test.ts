/** `lists update` through the CLI against a local HTTP server (127.0.0.1, port 0): never the internet. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores } from '../../store/index.js';
import { CliError } from '../shared/cli-errors.js';
import { runListsCli } from './testing/lists-cli-harness.js';
import { sdn2024, writeOfacFile } from './testing/lists-cli-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-cli-update-'));
const db = join(dir, 'store.sqlite');
const sdnBytes = readFileSync(writeOfacFile(dir, 'sdn.csv', sdn2024));
const routes = new Map<string, { status: number; body: Buffer | string; etag?: string }>();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (!route) return void res.writeHead(404).end();
    if (route.etag && req.headers['if-none-match'] === route.etag) return void res.writeHead(304).end();
    res.writeHead(route.status, route.etag ? { etag: route.etag } : {}).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function sourcesFile(name: string, url: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    JSON.stringify([{ list: 'test-sdn', format: 'ofac-csv', files: [{ name: 'sdn.csv', url }] }]),
  );
  return path;
}

describe('sentinela lists update', () => {
  it('imports, then reports 304 as unchanged, then keeps the version on HTTP 500 and fails', async () => {
    routes.set('/sdn.csv', { status: 200, body: sdnBytes, etag: '"v1"' });
    const sources = sourcesFile('sources.json', `${base}/sdn.csv`);

    const first = await runListsCli(['update', '--sources', sources, '--db', db]);
    expect(first.error).toBeUndefined();
    expect(first.out).toBe('test-sdn: updated → test-sdn@1 (3 entities, 0 warnings)\n');
    expect(first.err).toContain(`${base}/sdn.csv: ${sdnBytes.length} bytes`);

    const second = await runListsCli(['update', '--sources', sources, '--db', db]);
    expect(second.out).toBe(
      'test-sdn: unchanged (not modified since the last update (HTTP 304)); current test-sdn@1\n',
    );

    routes.set('/sdn.csv', { status: 500, body: 'internal error' });
    const third = await runListsCli(['update', '--sources', sources, '--db', db, '--json']);
    expect(third.error).toBeInstanceOf(CliError);
    expect(third.error?.message).toBe('1 of 1 lists failed to update (test-sdn); previous versions kept');
    const [result] = JSON.parse(third.out);
    expect(result).toMatchObject({
      list: 'test-sdn',
      status: 'failed',
      reason: 'HTTP 500 Internal Server Error',
    });
    expect(result.previous.id).toBe(1);
    const stores = await openStores(db);
    expect((await stores.lists.versions()).map((v) => v.id)).toEqual([1]);
    await stores.close();
  });

  it('names the URL and reason for an HTML page and for a refused connection', async () => {
    routes.set('/page.csv', { status: 200, body: '<!DOCTYPE html><html><body>Maintenance</body></html>' });
    const html = await runListsCli([
      'update',
      '--sources',
      sourcesFile('html.json', `${base}/page.csv`),
      '--db',
      db,
    ]);
    expect(html.out).toBe(
      `test-sdn: FAILED: ${base}/page.csv: got an HTML page instead of the list file (an error or login page?); kept test-sdn@1\n`,
    );
    expect(html.error).toBeInstanceOf(CliError);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await runListsCli([
      'update',
      'us-ofac-sdn',
      '--base-url',
      `http://127.0.0.1:${port}/`,
      '--timeout',
      '5',
      '--db',
      join(dir, 'fresh.sqlite'),
    ]);
    expect(refused.out).toBe(
      `us-ofac-sdn: FAILED: http://127.0.0.1:${port}/SDN.CSV: connection refused; no version stored yet\n`,
    );
    expect(refused.error?.message).toMatch(/1 of 1 lists failed/);
  });

  it('refuses a publication under half the stored entities, naming the counts, unless --allow-shrink', async () => {
    const shrinkDb = join(dir, 'shrink.sqlite');
    routes.set('/full.csv', { status: 200, body: sdnBytes });
    const sources = sourcesFile('shrink.json', `${base}/full.csv`);
    expect((await runListsCli(['update', '--sources', sources, '--db', shrinkDb])).error).toBeUndefined();
    routes.set('/full.csv', {
      status: 200,
      body: readFileSync(writeOfacFile(dir, 'one.csv', sdn2024.slice(0, 1))),
    });
    for (const extra of [[], ['--force']]) {
      const refused = await runListsCli(['update', '--sources', sources, '--db', shrinkDb, ...extra]);
      expect(refused.error).toBeInstanceOf(CliError);
      expect(refused.out).toMatch(/only 1 entities against 3 in version 1; .*--allow-shrink/);
    }
    const allowed = await runListsCli(['update', '--sources', sources, '--db', shrinkDb, '--allow-shrink']);
    expect(allowed.error).toBeUndefined();
    expect(allowed.out).toBe('test-sdn: updated → test-sdn@2 (1 entities, 0 warnings)\n');
  });

  it('names a bad --source-url or list before any download', async () => {
    expect((await runListsCli(['update', 'eu-fsf', '--db', db])).error?.message).toMatch(
      /unknown list eu-fsf/,
    );
    expect((await runListsCli(['update', '--source-url', 'un-sc', '--db', db])).error?.message).toMatch(
      /expected list=URL/,
    );
  });
});
