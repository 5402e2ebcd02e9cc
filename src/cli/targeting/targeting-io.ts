/** Shared by the `targeting` subcommands: reading declaration files with counts, weights and model files, output streams. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Declaration, IndicatorWeightSet, TargetingModelJson } from '../../targeting/index.js';
import { CliError, ExitCode, failIfAllRejected } from '../shared/cli-errors.js';
import { packagedDataPath } from '../shared/packaged-data.js';
import type { CommandIo } from '../shared/command-io.js';

/** Where a subcommand writes: results to `out`, logs and counts to `err`. Swappable in tests. */
function readText(path: string): string {
  if (!existsSync(path)) throw new CliError(`${path}: file not found`, ExitCode.inputRejected);
  return readFileSync(path, 'utf8');
}

/**
 * Reads declaration files (KCS or crossing manifest), printing "in = accepted + rejected" and
 * the first rejections on stderr.
 */
export async function readDeclarationFiles(paths: string[], io: CommandIo): Promise<Declaration[]> {
  const { readDeclarations } = await import('../../targeting/index.js');
  const all: Declaration[] = [];
  let rowsIn = 0;
  const { decodeInput } = await import('../../input/index.js');
  for (const path of paths) {
    if (!existsSync(path)) throw new CliError(`${path}: file not found`, ExitCode.inputRejected);
    // One decoder for every user file: UTF-16, Windows-1252 (with a warning), mixed line ends.
    const decoded = decodeInput(readFileSync(path), path);
    for (const warning of decoded.warnings) io.err(`warning: ${warning}\n`);
    const batch = readDeclarations(decoded.text, path);
    io.err(
      `${path}: ${batch.rowsIn} rows in = ${batch.declarations.length} accepted + ${batch.rejected.length} rejected\n`,
    );
    for (const r of batch.rejected.slice(0, 20))
      io.err(`  ${r.file}:${r.line}: field "${r.field}": ${r.reason}\n`);
    if (batch.rejected.length > 20) io.err(`  ... and ${batch.rejected.length - 20} more rejected rows\n`);
    all.push(...batch.declarations);
    rowsIn += batch.rowsIn;
  }
  failIfAllRejected(paths.join(', '), { read: rowsIn, accepted: all.length });
  return all;
}

/** The packaged default weight set, found from this file in `src/cli` or `dist/src/cli`. */
export function defaultWeightsPath(): string {
  const path = packagedDataPath('targeting', 'indicators.json');
  if (path) return path;
  throw new CliError(
    'default indicator weights (data/targeting/indicators.json) not found; pass --weights FILE',
    ExitCode.inputRejected,
  );
}

export async function loadWeights(path: string | undefined): Promise<IndicatorWeightSet> {
  const { parseIndicatorWeights } = await import('../../targeting/index.js');
  const file = resolve(path ?? defaultWeightsPath());
  return parseIndicatorWeights(readText(file), path ?? file);
}

export async function loadModel(path: string): Promise<TargetingModelJson> {
  const { parseTargetingModel } = await import('../../targeting/index.js');
  return parseTargetingModel(readText(path), path);
}
