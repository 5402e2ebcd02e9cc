import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/index.js';
import { resolveListSources } from './list-source-config.js';
import { officialListSources } from './official-list-sources.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinela-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveListSources', () => {
  it('defaults to the official OFAC, UN and UK publications', () => {
    const sources = resolveListSources();
    expect(sources.map((s) => s.list)).toEqual(['us-ofac-sdn', 'us-ofac-cons', 'un-sc', 'uk-sanctions-list']);
    expect(sources[0]?.files.map((f) => f.url.split('/').pop())).toEqual([
      'SDN.CSV',
      'ALT.CSV',
      'ADD.CSV',
      'SDN_COMMENTS.CSV',
    ]);
    expect(sources[1]?.files.map((f) => f.name)).toEqual([
      'cons_prim.csv',
      'cons_alt.csv',
      'cons_add.csv',
      'cons_comments.csv',
    ]);
    expect(sources[2]?.files[0]?.url).toBe('https://scsanctions.un.org/resources/xml/en/consolidated.xml');
    expect(sources[3]).toMatchObject({
      format: 'uk-sanctions',
      files: [{ url: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv' }],
    });
    // Overrides work on a copy: the official table is never changed.
    resolveListSources({ baseUrl: 'http://127.0.0.1:1/' });
    expect(officialListSources[0]?.files[0]?.url).toMatch(
      /^https:\/\/sanctionslistservice\.ofac\.treas\.gov\//,
    );
  });

  it('--base-url points every file at a mirror folder under its official name', () => {
    const sources = resolveListSources({ baseUrl: 'http://127.0.0.1:8080/mirror' });
    expect(sources[0]?.files[0]?.url).toBe('http://127.0.0.1:8080/mirror/SDN.CSV');
    expect(sources[2]?.files[0]?.url).toBe('http://127.0.0.1:8080/mirror/consolidated.xml');
  });

  it('--source-url sets one list: a file URL for a one-file list, a folder for OFAC', () => {
    const sources = resolveListSources({
      sourceUrls: ['un-sc=http://localhost/un.xml', 'us-ofac-cons=http://localhost/cons'],
    });
    expect(sources.find((s) => s.list === 'un-sc')?.files[0]?.url).toBe('http://localhost/un.xml');
    expect(sources.find((s) => s.list === 'us-ofac-cons')?.files[3]?.url).toBe(
      'http://localhost/cons/CONS_COMMENTS.CSV',
    );
    expect(sources.find((s) => s.list === 'us-ofac-sdn')?.files[0]?.url).toMatch(
      /^https:\/\/sanctionslistservice/,
    );
  });

  it('picks lists, and names an unknown one', () => {
    expect(resolveListSources({ lists: ['un-sc'] }).map((s) => s.list)).toEqual(['un-sc']);
    expect(() => resolveListSources({ lists: ['eu-fsf'] })).toThrow(/unknown list eu-fsf/);
    expect(() => resolveListSources({ sourceUrls: ['nope=http://x/'] })).toThrow(/unknown list "nope"/);
    expect(() => resolveListSources({ sourceUrls: ['un-sc'] })).toThrow(/expected list=URL/);
    expect(() => resolveListSources({ baseUrl: 'ftp://x/' })).toThrow(InputError);
  });

  it('reads a --sources JSON file, and names the file and field when it is wrong', () => {
    const good = join(dir, 'sources.json');
    writeFileSync(
      good,
      JSON.stringify({
        sources: [
          {
            list: 'in-house',
            format: 'csv',
            files: [{ name: 'watch.csv', url: 'http://127.0.0.1:9/w.csv' }],
          },
        ],
      }),
    );
    expect(resolveListSources({ sourcesFile: good })).toEqual([
      { list: 'in-house', format: 'csv', files: [{ name: 'watch.csv', url: 'http://127.0.0.1:9/w.csv' }] },
    ]);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ list: 'x', format: 'pdf', files: [] }]));
    expect(() => resolveListSources({ sourcesFile: bad })).toThrow(/bad\.json: field "0\.format"/);
    expect(() => resolveListSources({ sourcesFile: join(dir, 'missing.json') })).toThrow(/cannot read/);
  });
});
