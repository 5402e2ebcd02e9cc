/** Loads the list versions to screen against from the store, or explains how to get some. */
import type { ListStore } from '../core/index.js';
import type { ScreeningList } from '../screening/index.js';
import { CliError } from './cli-errors.js';

/** The latest version of every list, or of the named lists only. */
export async function loadScreeningLists(
  store: ListStore,
  dbPath: string,
  only: string[] = [],
): Promise<ScreeningList[]> {
  const latest = await store.latestVersions();
  if (latest.length === 0) {
    throw new CliError(
      `no lists in the store at ${dbPath}: run \`sentinela lists import PATH...\` first (or \`sentinela lists update\`)`,
    );
  }
  const wanted = only.length ? latest.filter((v) => only.includes(v.list)) : latest;
  const missing = only.filter((name) => !latest.some((v) => v.list === name));
  if (missing.length) {
    throw new CliError(
      `no list named ${missing.join(', ')} in ${dbPath}; lists there: ${latest.map((v) => v.list).join(', ')}`,
    );
  }
  const lists: ScreeningList[] = [];
  for (const v of wanted)
    lists.push({ list: v.list, version: String(v.id), entities: await store.entities(v.id) });
  return lists;
}
