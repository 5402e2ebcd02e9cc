/**
 * Which sources an update run uses: the official ones, or a `--sources` JSON file, with
 * `--base-url` (a mirror holding every file) and `--source-url list=URL` overrides applied.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError, listFormats } from '../core/index.js';
import { type ListSourceSpec, officialListSources } from './official-list-sources.js';

const SourcesFileSchema = z.array(
  z.object({
    list: z.string().min(1),
    format: z.enum(listFormats),
    files: z.array(z.object({ name: z.string().min(1), url: z.string().url() })).min(1),
  }),
);

export interface SourceOverrides {
  /** A `--sources` JSON file: `[{ "list", "format", "files": [{ "name", "url" }] }]` (or `{ "sources": [...] }`). */
  sourcesFile?: string;
  /** A folder URL holding every file under its official name (`SDN.CSV`, `consolidated.xml`, …). */
  baseUrl?: string;
  /** `list=URL`: the file's URL for a one-file list, else a folder URL holding that list's files. */
  sourceUrls?: string[];
  /** Only these lists (all when empty). */
  lists?: string[];
}

/**
 * Resolves the sources for one run. Throws an InputError naming the file or option at fault.
 *
 * @example
 * resolveListSources({ baseUrl: 'http://127.0.0.1:8080/mirror/', lists: ['un-sc'] });
 * // [{ list: 'un-sc', format: 'un-xml', files: [{ name: 'un_consolidated.xml', url: 'http://127.0.0.1:8080/mirror/consolidated.xml' }] }]
 */
export function resolveListSources(overrides: SourceOverrides = {}): ListSourceSpec[] {
  let sources = overrides.sourcesFile
    ? readSourcesFile(overrides.sourcesFile)
    : structuredClone([...officialListSources]);
  if (overrides.baseUrl) {
    const base = folderUrl(overrides.baseUrl, '--base-url');
    sources = sources.map((s) => ({
      ...s,
      files: s.files.map((f) => ({ ...f, url: new URL(remoteName(f.url), base).href })),
    }));
  }
  for (const assignment of overrides.sourceUrls ?? []) {
    const eq = assignment.indexOf('=');
    const list = assignment.slice(0, eq);
    const url = assignment.slice(eq + 1);
    const source = sources.find((s) => s.list === list);
    if (eq <= 0 || !url)
      throw new InputError(`expected list=URL, got "${assignment}"`, { field: '--source-url' });
    if (!source) {
      throw new InputError(`unknown list "${list}"; known: ${sources.map((s) => s.list).join(', ')}`, {
        field: '--source-url',
      });
    }
    if (source.files.length === 1 && !url.endsWith('/'))
      source.files[0]!.url = checkedUrl(url, '--source-url');
    else {
      const base = folderUrl(url, '--source-url');
      source.files = source.files.map((f) => ({ ...f, url: new URL(remoteName(f.url), base).href }));
    }
  }
  if (overrides.lists && overrides.lists.length > 0) {
    const unknown = overrides.lists.filter((l) => !sources.some((s) => s.list === l));
    if (unknown.length > 0) {
      throw new InputError(
        `unknown list ${unknown.join(', ')}; known: ${sources.map((s) => s.list).join(', ')}`,
        {
          field: 'LIST',
        },
      );
    }
    sources = sources.filter((s) => overrides.lists!.includes(s.list));
  }
  return sources;
}

function readSourcesFile(path: string): ListSourceSpec[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read the sources file: ${(error as Error).message}`, { file: path });
  }
  const list = json !== null && typeof json === 'object' && 'sources' in json ? json.sources : json;
  const parsed = SourcesFileSchema.safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${issue.message}`, { file: path, field: issue.path.join('.') });
  }
  return parsed.data;
}

/** The last path segment of a URL: the file's name on the publisher's server. */
function remoteName(url: string): string {
  const path = new URL(url).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

function folderUrl(url: string, field: string): string {
  const checked = checkedUrl(url, field);
  return checked.endsWith('/') ? checked : `${checked}/`;
}

function checkedUrl(url: string, field: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)');
    return parsed.href;
  } catch {
    throw new InputError(`not an http(s) URL: "${url}"`, { field });
  }
}
