/** Picks the reader for a declarations file from its header: KCS declarations or a crossing manifest. */
import { InputError } from '../../core/index.js';
import type { DeclarationBatch } from '../declaration.js';
import { isManifestHeader, readCrossingManifest } from './crossing-manifest-reader.js';
import { isKcsHeader, readKcsDeclarations } from './kcs-declaration-reader.js';

/**
 * Reads declarations from CSV text in either supported format.
 * @example readDeclarations(readFileSync(p, 'utf8'), p).declarations
 */
export function readDeclarations(text: string, file: string): DeclarationBatch {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const header = firstLine.split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  if (isKcsHeader(header)) return readKcsDeclarations(text, file);
  if (isManifestHeader(header)) return readCrossingManifest(text, file);
  throw new InputError(
    'unknown declarations format: expected a KCS header ("Declaration ID", "HS6 Code", ...) or a crossing manifest ("Crossing ID", ...)',
    { file, line: 1 },
  );
}
