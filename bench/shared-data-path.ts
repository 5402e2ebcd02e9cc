/**
 * Where every benchmark finds the shared evaluation data: `../shared/data` beside the clone,
 * whether it runs from `bench/` (tsx) or `dist/bench/` (compiled); `SENTINELA_SHARED_DATA`
 * points elsewhere. One rule, so no benchmark counts folders up from its own file.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest folder above this file holding `package.json`. */
export function packageRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the benchmarks');
    dir = up;
  }
  return dir;
}

export const sharedDataRoot = process.env.SENTINELA_SHARED_DATA ?? resolve(packageRoot(), '../shared/data');

/** Absolute path under the shared data folder (it may not exist: callers check and say so). */
export function sharedDataPath(...parts: string[]): string {
  return resolve(sharedDataRoot, ...parts);
}
