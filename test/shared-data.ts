/**
 * Where the shared test and benchmark data live (`../shared/data` beside the clone). Tests that
 * need it use `describeWithSharedData`, which skips with a visible reason when it is absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';

export const sharedDataRoot = resolve(import.meta.dirname, '../../shared/data');
export const hasSharedData = existsSync(sharedDataRoot);

/** Absolute path of a file under `../shared/data`. */
export function sharedData(...parts: string[]): string {
  return resolve(sharedDataRoot, ...parts);
}

/** A `describe` that runs only when `../shared/data` is present, and says so when it is not. */
export function describeWithSharedData(name: string, body: () => void): void {
  if (hasSharedData) describe(name, body);
  else describe.skip(`${name} [skipped: ../shared/data not found beside the clone]`, body);
}
