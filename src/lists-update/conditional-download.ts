/**
 * One HTTP download with a conditional request: a 304 means the publisher has nothing new, a 200
 * is written to disk only when its status, size and type look like the file we asked for.
 */
import { writeFile } from 'node:fs/promises';
import type { HttpValidators } from '../core/index.js';
import { ListDownloadError } from './list-download-error.js';

export type DownloadOutcome =
  | { status: 'not-modified' }
  | { status: 'downloaded'; bytes: number; etag?: string; lastModified?: string; contentType?: string };

export interface DownloadRequest {
  list: string;
  url: string;
  /** Where to write the body. */
  destination: string;
  /** Validators from the last successful import; sent as If-None-Match / If-Modified-Since. */
  previous?: HttpValidators;
  timeoutMs: number;
  /** Refuse bodies larger than this (a runaway response would otherwise fill the disk). */
  maxBytes: number;
}

/**
 * Fetches `url`; throws a ListDownloadError naming the list, URL and reason for every failure
 * (connection, timeout, HTTP status, short body, oversize body).
 *
 * @example
 * await downloadConditionally({ list: 'un-sc', url, destination: '/tmp/x/un.xml', previous, timeoutMs: 60_000, maxBytes: 1e9 });
 */
export async function downloadConditionally(request: DownloadRequest): Promise<DownloadOutcome> {
  const { list, url } = request;
  const headers: Record<string, string> = { 'user-agent': 'sentinela (list update)' };
  if (request.previous?.etag) headers['if-none-match'] = request.previous.etag;
  if (request.previous?.lastModified) headers['if-modified-since'] = request.previous.lastModified;
  let response: Response;
  let body: Buffer;
  try {
    response = await fetch(url, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified' };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new ListDownloadError(list, url, `HTTP ${response.status} ${response.statusText}`.trim());
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > request.maxBytes) {
      await response.body?.cancel();
      throw new ListDownloadError(
        list,
        url,
        `file of ${declared} bytes exceeds the ${request.maxBytes}-byte limit`,
      );
    }
    body = Buffer.from(await response.arrayBuffer());
    // fetch undoes gzip, so Content-Length only describes the body when nothing was encoded.
    if (!response.headers.get('content-encoding') && !Number.isNaN(declared) && body.length !== declared) {
      throw new ListDownloadError(list, url, `truncated download: got ${body.length} of ${declared} bytes`);
    }
  } catch (error) {
    if (error instanceof ListDownloadError) throw error;
    throw new ListDownloadError(list, url, networkReason(error, request.timeoutMs));
  }
  if (body.length > request.maxBytes) {
    throw new ListDownloadError(
      list,
      url,
      `file of ${body.length} bytes exceeds the ${request.maxBytes}-byte limit`,
    );
  }
  await writeFile(request.destination, body);
  const outcome: DownloadOutcome = { status: 'downloaded', bytes: body.length };
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (etag) outcome.etag = etag;
  if (lastModified) outcome.lastModified = lastModified;
  const contentType = response.headers.get('content-type');
  if (contentType) outcome.contentType = contentType;
  return outcome;
}

/** A readable reason from fetch's nested errors (undici hides the socket error in `cause`). */
function networkReason(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: Error & { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
    return `no complete answer within ${timeoutMs} ms`;
  const code = err?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found (check the URL and the network)';
  if (code === 'UND_ERR_SOCKET' || err?.message === 'terminated')
    return 'connection closed before the whole file arrived';
  const detail = err?.cause?.message ?? err?.message ?? String(error);
  return `download failed: ${detail}`;
}
