/**
 * The online update against a local HTTP server on 127.0.0.1 serving the shared OFAC files and
 * broken variants written by the test: never the internet.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test/shared-data.js';
import { readList } from '../lists/index.js';
import type { Stores } from '../core/index.js';
import { openStores } from '../store/index.js';
import { resolveListSources } from './list-source-config.js';
import { type ListUpdateResult, updateLists } from './update-lists.js';

/** What the test server answers for one path; `handler` overrides everything (broken servers). */
interface Served {
  body: Buffer;
  etag: string;
  lastModified: string;
  handler?: (req: IncomingMessage, res: ServerResponse) => void;
}

class ListServer {
  readonly files = new Map<string, Served>();
  readonly requests: { path: string; ifNoneMatch?: string; ifModifiedSince?: string; status: number }[] = [];
  private server: Server | undefined;
  port = 0;

  serve(path: string, body: Buffer, extra: Partial<Served> = {}): void {
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    this.files.set(path, {
      body,
      etag,
      lastModified: new Date(Date.UTC(2025, 10, 2)).toUTCString(),
      ...extra,
    });
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      const served = this.files.get(path);
      const record = (status: number): void => {
        this.requests.push({
          path,
          status,
          ...(req.headers['if-none-match'] && { ifNoneMatch: String(req.headers['if-none-match']) }),
          ...(req.headers['if-modified-since'] && {
            ifModifiedSince: String(req.headers['if-modified-since']),
          }),
        });
      };
      if (!served) {
        record(404);
        res.writeHead(404).end('not found');
        return;
      }
      if (served.handler) {
        record(-1);
        served.handler(req, res);
        return;
      }
      if (req.headers['if-none-match'] === served.etag) {
        record(304);
        res.writeHead(304, { etag: served.etag }).end();
        return;
      }
      record(200);
      res.writeHead(200, {
        'content-type': 'text/csv',
        'content-length': served.body.length,
        etag: served.etag,
        'last-modified': served.lastModified,
      });
      res.end(served.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}/ofac/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

const fixture = (name: string): Buffer =>
  readFileSync(sharedData('sanctions/ofac_watchman_fixture_2025-05', name));

describeWithSharedData('updateLists against a local server', () => {
  let server: ListServer;
  let dir: string;
  let stores: Stores;
  const logs: string[] = [];

  const run = async (force = false): Promise<ListUpdateResult> => {
    const sources = resolveListSources({ baseUrl: server.base, lists: ['us-ofac-sdn'] });
    const [result] = await updateLists(
      sources,
      { store: stores.lists, validators: stores.validators, readList, log: (l) => logs.push(l) },
      { timeoutMs: 5_000, force },
    );
    return result!;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentinela-update-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    server = new ListServer();
    server.serve('/ofac/SDN.CSV', fixture('sdn.csv'));
    server.serve('/ofac/ALT.CSV', fixture('alt.csv'));
    server.serve('/ofac/ADD.CSV', fixture('add.csv'));
    server.serve('/ofac/SDN_COMMENTS.CSV', fixture('sdn_comments.csv'));
    await server.start();
    stores = await openStores(join(dir, `${Math.random().toString(36).slice(2)}.sqlite`));
    logs.length = 0;
  });
  afterEach(async () => {
    await stores.close();
    await server.stop();
  });

  it('imports on the first run, gets 304 on the second and stores no new version', async () => {
    const first = await run();
    expect(first.status).toBe('updated');
    if (first.status !== 'updated') return;
    expect(first.version.list).toBe('us-ofac-sdn');
    expect(first.version.entityCount).toBe(17);
    expect(first.version.files.map((f) => f.path)).toEqual([
      `${server.base}SDN.CSV`,
      `${server.base}ALT.CSV`,
      `${server.base}ADD.CSV`,
      `${server.base}SDN_COMMENTS.CSV`,
    ]);
    expect((await stores.lists.entity(first.version.id, '10278'))?.birthDates).toContain('1963-07-28');
    expect(server.requests.every((r) => r.status === 200 && r.ifNoneMatch === undefined)).toBe(true);

    server.requests.length = 0;
    const second = await run();
    expect(second).toMatchObject({ status: 'unchanged', reason: expect.stringContaining('304') });
    expect(server.requests.map((r) => r.status)).toEqual([304, 304, 304, 304]);
    expect(server.requests[0]?.ifNoneMatch).toBe(server.files.get('/ofac/SDN.CSV')?.etag);
    expect(server.requests[0]?.ifModifiedSince).toBe(server.files.get('/ofac/SDN.CSV')?.lastModified);
    expect(await stores.lists.versions()).toHaveLength(1);
  });

  it('imports a changed publication, fetching the unchanged files again to make a whole version', async () => {
    const first = await run();
    const changed = Buffer.concat([
      fixture('sdn.csv'),
      Buffer.from(
        '99999001,"TEST FRONT S.A. DE C.V.",-0- ,"SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
      ),
    ]);
    server.serve('/ofac/SDN.CSV', changed);
    server.requests.length = 0;
    const second = await run();
    expect(second.status).toBe('updated');
    if (second.status !== 'updated' || first.status !== 'updated') return;
    expect(second.version.entityCount).toBe(18);
    expect((await stores.lists.entity(second.version.id, '99999001'))?.names[0]?.full).toBe(
      'TEST FRONT S.A. DE C.V.',
    );
    // SDN.CSV came back 200; the three 304 files were fetched again unconditionally.
    expect(server.requests.map((r) => r.status)).toEqual([200, 304, 304, 304, 200, 200, 200]);
    // Aliases from the unchanged ALT.CSV are still joined in the new version.
    expect((await stores.lists.entity(second.version.id, '10278'))?.names.length).toBe(
      (await stores.lists.entity(first.version.id, '10278'))?.names.length,
    );
  });

  it('says "unchanged" when a server without validators sends the same content again', async () => {
    await run();
    for (const [path, served] of server.files)
      server.files.set(path, { ...served, etag: `"other-${served.etag.slice(1)}` });
    const second = await run();
    expect(second).toMatchObject({
      status: 'unchanged',
      reason: expect.stringContaining('identical to version'),
    });
    expect(await stores.lists.versions()).toHaveLength(1);
  });

  const brokenCases: { name: string; reason: RegExp; breakServer: (s: ListServer) => void }[] = [
    {
      name: 'HTTP 500',
      reason: /HTTP 500/,
      breakServer: (s) =>
        s.serve('/ofac/ALT.CSV', Buffer.alloc(0), { handler: (_q, res) => res.writeHead(500).end('boom') }),
    },
    {
      name: 'an HTML error page served as 200',
      reason: /HTML page instead of the list file/,
      breakServer: (s) =>
        s.serve('/ofac/SDN.CSV', Buffer.alloc(0), {
          handler: (_q, res) =>
            res
              .writeHead(200, { 'content-type': 'text/html' })
              .end('<!DOCTYPE html><html><body>Service unavailable</body></html>'),
        }),
    },
    {
      name: 'a CSV cut mid-row',
      reason: /ends mid-row|does not parse/,
      breakServer: (s) => {
        const whole = fixture('sdn.csv');
        s.serve('/ofac/SDN.CSV', whole.subarray(0, Math.floor(whole.length * 0.6)));
      },
    },
    {
      name: 'a CSV the reader rejects (a row with the wrong number of columns)',
      reason: /downloaded file does not parse: line 3/,
      breakServer: (s) => {
        const rows = fixture('sdn.csv').toString('latin1').split('\r\n');
        rows.splice(2, 0, '12345,"BROKEN ROW"');
        s.serve('/ofac/SDN.CSV', Buffer.from(rows.join('\r\n'), 'latin1'));
      },
    },
    {
      name: 'a connection that closes before the declared length',
      reason: /closed before the whole file|truncated/,
      breakServer: (s) =>
        s.serve('/ofac/ADD.CSV', Buffer.alloc(0), {
          handler: (_q, res) => {
            const whole = fixture('add.csv');
            res.writeHead(200, { 'content-length': whole.length, etag: '"new"' });
            res.write(whole.subarray(0, 500));
            setTimeout(() => res.destroy(), 20);
          },
        }),
    },
    {
      name: 'a publication with far fewer entities (cut at a row boundary)',
      reason: /only 2 entities against 17/,
      breakServer: (s) => {
        const rows = fixture('sdn.csv').toString('latin1').split('\r\n').slice(0, 2).join('\r\n');
        s.serve('/ofac/SDN.CSV', Buffer.from(`${rows}\r\n`, 'latin1'));
      },
    },
  ];

  for (const broken of brokenCases) {
    it(`keeps the previous version on ${broken.name}`, async () => {
      const first = await run();
      expect(first.status).toBe('updated');
      const before = await stores.lists.versions();
      broken.breakServer(server);
      const failed = await run();
      expect(failed.status).toBe('failed');
      if (failed.status !== 'failed') return;
      expect(failed.reason).toMatch(broken.reason);
      expect(failed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ofac\//);
      expect(failed.previous?.id).toBe(before[0]?.id);
      expect(await stores.lists.versions()).toEqual(before);
      expect(logs.some((l) => l.includes('failed'))).toBe(true);
    });
  }

  it('fails when a server answers 304 to a request without validators', async () => {
    await run();
    server.serve('/ofac/SDN.CSV', Buffer.alloc(0), { handler: (_q, res) => res.writeHead(304).end() });
    server.serve('/ofac/ALT.CSV', Buffer.concat([fixture('alt.csv'), Buffer.from('')]), { etag: '"alt-v2"' });
    const failed = await run();
    expect(failed).toMatchObject({
      status: 'failed',
      reason: 'answered 304 to a request without validators',
    });
    expect(await stores.lists.versions()).toHaveLength(1);
  });

  it('fails with a clear reason when the server refuses connections', async () => {
    await server.stop();
    const failed = await run();
    expect(failed).toMatchObject({ status: 'failed', reason: 'connection refused' });
    expect(await stores.lists.versions()).toEqual([]);
  });

  it('after a failure, the next good run imports and the failed run stored no validators', async () => {
    await run();
    const good = server.files.get('/ofac/SDN.CSV')!;
    const whole = fixture('sdn.csv');
    server.serve('/ofac/SDN.CSV', whole.subarray(0, whole.length - 40));
    expect((await run()).status).toBe('failed');
    server.files.set('/ofac/SDN.CSV', good);
    server.requests.length = 0;
    // The stored validators are still those of the good import, so the restored file is a 304.
    expect((await run()).status).toBe('unchanged');
    expect(server.requests[0]).toMatchObject({ status: 304, ifNoneMatch: good.etag });
  });

  describe('the UN consolidated XML', () => {
    const unXml = (): Buffer =>
      readFileSync(sharedData('sanctions/un_consolidated_2026-02-27/UN_consolidated.xml'));
    const runUn = async (): Promise<ListUpdateResult> => {
      const sources = resolveListSources({
        sourceUrls: [`un-sc=http://127.0.0.1:${server.port}/un/consolidated.xml`],
        lists: ['un-sc'],
      });
      const [result] = await updateLists(sources, {
        store: stores.lists,
        validators: stores.validators,
        readList,
      });
      return result!;
    };

    it('imports the list, then 304, then keeps it when the XML is cut at an element boundary', async () => {
      server.serve('/un/consolidated.xml', unXml());
      const first = await runUn();
      expect(first.status).toBe('updated');
      if (first.status !== 'updated') return;
      expect(first.version).toMatchObject({ list: 'un-sc', format: 'un-xml', entityCount: 1003 });
      expect((await runUn()).status).toBe('unchanged');

      const whole = unXml().toString('utf8');
      const cut = whole.slice(0, whole.indexOf('</INDIVIDUAL>', whole.length / 2) + '</INDIVIDUAL>'.length);
      server.serve('/un/consolidated.xml', Buffer.from(cut));
      const failed = await runUn();
      expect(failed.status).toBe('failed');
      if (failed.status !== 'failed') return;
      expect(failed.reason).toMatch(/does not parse/);
      expect(failed.url).toMatch(/\/un\/consolidated\.xml$/);
      expect((await stores.lists.versions()).map((v) => v.id)).toEqual([first.version.id]);
    });

    it('rejects XML cut mid-element before the reader runs', async () => {
      server.serve('/un/consolidated.xml', unXml());
      await runUn();
      server.serve('/un/consolidated.xml', unXml().subarray(0, 100_001));
      expect(await runUn()).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/truncated|does not parse/),
      });
    });
  });
});
