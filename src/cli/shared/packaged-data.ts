/**
 * Finds the files Sentinela ships in its `data/` folder (sample lists, the default indicator
 * weights, the substance synonyms), whether the CLI runs from `src/cli` (tsx, tests) or
 * `dist/src/cli` (built): the package root is the nearest folder above holding `package.json`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function packageRoot(): string | undefined {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return dir;
}

/**
 * Absolute path of a shipped data file, or undefined when the package has no such file.
 *
 * @example
 * packagedDataPath('warning', 'substance-synonyms.json') // …/data/warning/substance-synonyms.json
 */
export function packagedDataPath(...parts: string[]): string | undefined {
  const root = packageRoot();
  if (!root) return undefined;
  const path = join(root, 'data', ...parts);
  return existsSync(path) ? path : undefined;
}
