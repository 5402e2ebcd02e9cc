/**
 * Where a worker thread's compiled module is: beside the module starting it (a built run, from
 * dist/), or — when that module runs from the TypeScript sources (tests) — the same path under
 * dist/ once built. Worker threads load JavaScript, so without either there is no worker to start
 * and the caller does the work in its own thread.
 */
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * @example
 * const url = builtModuleUrl(import.meta.url, './block-matching-worker.js'); // undefined when not built
 */
export function builtModuleUrl(fromModule: string, relative: string): URL | undefined {
  const beside = new URL(relative, fromModule);
  const path = fileURLToPath(beside);
  if (existsSync(path)) return beside;
  const at = path.lastIndexOf(`${sep}src${sep}`);
  if (at < 0) return undefined;
  const built = `${path.slice(0, at)}${sep}dist${path.slice(at)}`;
  return existsSync(built) ? pathToFileURL(built) : undefined;
}
