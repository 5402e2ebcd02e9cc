/**
 * `lists update`: fetch each official publication, and only when every file of it arrived whole
 * and parses, import it as a new list version. Anything less keeps the previous version.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type HttpValidatorStore,
  type HttpValidators,
  InputError,
  type ListFormat,
  type ListStore,
  type ListVersion,
  type ParsedList,
} from '../core/index.js';
import { importListVersion } from '../list-versions/index.js';
import { type DownloadOutcome, downloadConditionally } from './conditional-download.js';
import { implausibleDownload } from './downloaded-file-check.js';
import { ListDownloadError } from './list-download-error.js';
import type { ListSourceSpec } from './official-list-sources.js';

/** The list readers' entry point (`readList` from `src/lists`), handed in. */
export type ReadList = (
  paths: string[],
  options: { format?: ListFormat; list?: string },
) => Promise<ParsedList>;

export interface UpdateDependencies {
  store: ListStore;
  validators: HttpValidatorStore;
  readList: ReadList;
  /** Progress lines for stderr. */
  log?: (line: string) => void;
}

export interface UpdateOptions {
  /** Per request, including the body. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Ignore stored validators and store a version even if the content is unchanged. */
  force?: boolean;
  /** Store a full publication even when it holds under `minRetainedShare` of the previous entities. */
  allowShrink?: boolean;
  /**
   * A full publication with fewer than this share of the previous version's entities is refused
   * (a file cut at a row boundary parses fine); 0 disables the check.
   */
  minRetainedShare?: number;
}

export interface FileFetch {
  name: string;
  url: string;
  /** 200 when fetched, 304 when the publisher said "not modified". */
  httpStatus?: 200 | 304;
  bytes?: number;
}

export type ListUpdateResult =
  | { list: string; status: 'updated'; version: ListVersion; warnings: number; files: FileFetch[] }
  | { list: string; status: 'unchanged'; reason: string; version?: ListVersion; files: FileFetch[] }
  | {
      list: string;
      status: 'failed';
      url?: string;
      reason: string;
      previous?: ListVersion;
      files: FileFetch[];
    };

const defaults = { timeoutMs: 120_000, maxBytes: 512 * 1024 * 1024, minRetainedShare: 0.5 };

/**
 * Updates every source in turn; a failure of one list does not stop the others. The caller
 * exits non-zero when any result is `failed`.
 *
 * @example
 * const results = await updateLists(resolveListSources(), { store, validators, readList, log: console.error });
 */
export async function updateLists(
  sources: readonly ListSourceSpec[],
  deps: UpdateDependencies,
  options: UpdateOptions = {},
): Promise<ListUpdateResult[]> {
  const results: ListUpdateResult[] = [];
  for (const source of sources) results.push(await updateList(source, deps, options));
  return results;
}

async function updateList(
  source: ListSourceSpec,
  deps: UpdateDependencies,
  options: UpdateOptions,
): Promise<ListUpdateResult> {
  const opts = { ...defaults, ...options };
  const log = deps.log ?? (() => {});
  const files: FileFetch[] = source.files.map((f) => ({ name: f.name, url: f.url }));
  const previous = await deps.store.latestVersion(source.list);
  const dir = await mkdtemp(join(tmpdir(), `sentinela-${source.list}-`));
  try {
    const outcomes = new Map<string, DownloadOutcome & { status: 'downloaded' }>();
    const fetchFile = async (index: number, conditional: boolean): Promise<void> => {
      const file = source.files[index]!;
      const stored =
        conditional && previous && !opts.force ? await deps.validators.validators(file.url) : undefined;
      const outcome = await downloadConditionally({
        list: source.list,
        url: file.url,
        destination: join(dir, file.name),
        ...(stored && { previous: stored }),
        timeoutMs: opts.timeoutMs,
        maxBytes: opts.maxBytes,
      });
      files[index]!.httpStatus = outcome.status === 'not-modified' ? 304 : 200;
      if (outcome.status === 'downloaded') {
        files[index]!.bytes = outcome.bytes;
        outcomes.set(file.url, outcome);
        log(`${source.list}: ${file.url}: ${outcome.bytes} bytes`);
      } else log(`${source.list}: ${file.url}: not modified`);
    };
    for (let i = 0; i < source.files.length; i++) await fetchFile(i, true);
    if (outcomes.size === 0) {
      return {
        list: source.list,
        status: 'unchanged',
        reason: 'not modified since the last update (HTTP 304)',
        ...(previous && { version: previous }),
        files,
      };
    }
    // Some files changed: the others are needed too for a whole version, so fetch them unconditionally.
    for (let i = 0; i < source.files.length; i++) if (files[i]!.httpStatus === 304) await fetchFile(i, false);
    for (const file of source.files) {
      const outcome = outcomes.get(file.url);
      if (!outcome)
        throw new ListDownloadError(source.list, file.url, 'answered 304 to a request without validators');
      const reason = implausibleDownload(
        await readFile(join(dir, file.name)),
        source.format,
        outcome.contentType,
      );
      if (reason) throw new ListDownloadError(source.list, file.url, reason);
    }
    const parsed = await readDownloaded(source, dir, deps.readList);
    if (parsed.entities.length === 0)
      throw new ListDownloadError(source.list, source.files[0]!.url, 'the publication holds no entities');
    if (
      previous &&
      opts.minRetainedShare > 0 &&
      !opts.allowShrink &&
      parsed.entities.length < previous.entityCount * opts.minRetainedShare
    ) {
      throw new ListDownloadError(
        source.list,
        source.files[0]!.url,
        `only ${parsed.entities.length} entities against ${previous.entityCount} in version ${previous.id}; ` +
          'refusing a probably incomplete publication (use --allow-shrink if the list really shrank)',
      );
    }
    const outcome = await importListVersion(deps.store, parsed, {
      force: opts.force === true,
      allowShrink: opts.allowShrink === true,
    });
    const now = new Date().toISOString();
    await deps.validators.saveValidators(
      source.files.map((f): HttpValidators => {
        const o = outcomes.get(f.url)!;
        return {
          url: f.url,
          fetchedAt: now,
          ...(o.etag && { etag: o.etag }),
          ...(o.lastModified && { lastModified: o.lastModified }),
        };
      }),
    );
    if (outcome.status === 'unchanged') {
      return {
        list: source.list,
        status: 'unchanged',
        reason: `content identical to version ${outcome.version.id}`,
        version: outcome.version,
        files,
      };
    }
    return {
      list: source.list,
      status: 'updated',
      version: outcome.version,
      warnings: parsed.warnings.length,
      files,
    };
  } catch (error) {
    const failure =
      error instanceof ListDownloadError
        ? { url: error.url, reason: error.reason }
        : { reason: error instanceof Error ? error.message : String(error) };
    log(`${source.list}: failed: ${failure.reason}`);
    return { list: source.list, status: 'failed', ...failure, ...(previous && { previous }), files };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the list reader over the downloaded files; a parse error names the source URL, not the temp path. */
async function readDownloaded(source: ListSourceSpec, dir: string, readList: ReadList): Promise<ParsedList> {
  const paths = source.files.map((f) => join(dir, f.name));
  try {
    const parsed = await readList(paths, { format: source.format, list: source.list });
    // Record where the files came from rather than the temporary folder they were read from.
    return {
      ...parsed,
      list: source.list,
      files: parsed.files.map((f) => ({ ...f, path: urlFor(source, dir, f.path) })),
    };
  } catch (error) {
    if (error instanceof InputError) {
      const url = urlFor(source, dir, error.file ?? '');
      const where = error.line !== undefined ? ` line ${error.line}` : '';
      const field = error.field ? ` field "${error.field}"` : '';
      throw new ListDownloadError(
        source.list,
        url,
        `downloaded file does not parse:${where}${field} ${error.reason}`,
      );
    }
    throw error;
  }
}

function urlFor(source: ListSourceSpec, dir: string, path: string): string {
  return source.files.find((f) => join(dir, f.name) === path)?.url ?? source.files[0]?.url ?? path;
}
