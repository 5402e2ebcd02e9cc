/**
 * Cheap checks on a downloaded file before a reader sees it, for failures a reader would report
 * confusingly or not at all: an HTML error page served with status 200, a CSV cut mid-row.
 */
import type { ListFormat } from '../core/index.js';

/**
 * The reason `bytes` is not a plausible `format` file, or undefined when it looks right.
 *
 * @example
 * implausibleDownload(Buffer.from('<!DOCTYPE html><html>…'), 'ofac-csv', 'text/html'); // 'got an HTML page …'
 */
export function implausibleDownload(
  bytes: Buffer,
  format: ListFormat,
  contentType?: string,
): string | undefined {
  if (bytes.length === 0) return 'empty file';
  const head = bytes.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  const html =
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    /^<\?xml[^>]*>\s*<!doctype html/.test(head);
  if (html || (contentType?.toLowerCase().includes('text/html') && format !== 'un-xml')) {
    return 'got an HTML page instead of the list file (an error or login page?)';
  }
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x1a || bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end--;
  if (format === 'ofac-csv' || format === 'csv') {
    if (head.startsWith('<')) return 'got markup instead of a CSV file';
    // Publishers end every row with a line break; a file that does not was cut mid-row.
    if (end > 0 && bytes[end - 1] !== 0x0a && bytes[end - 1] !== 0x0d)
      return 'file ends mid-row (truncated download)';
  }
  if (format === 'uk-sanctions' && head.startsWith('<')) return 'got markup instead of the CSV file';
  if (format === 'un-xml') {
    if (!head.startsWith('<')) return 'not an XML file';
    const tail = bytes
      .subarray(Math.max(0, end - 64), end)
      .toString('latin1')
      .trimEnd();
    if (!tail.endsWith('>')) return 'XML ends mid-element (truncated download)';
  }
  return undefined;
}
