/**
 * How users name a list version on the command line: `7` (a version id), `us-ofac-sdn@7`, or
 * `us-ofac-sdn` (its newest version).
 */
import type { ListStore, ListVersion } from '../core/index.js';
import { CliError } from './cli-errors.js';

/**
 * The version `ref` names; a CliError listing what exists when it names nothing.
 *
 * @example
 * await resolveVersionRef(stores.lists, 'us-ofac-sdn@3'); // version 3, which must belong to us-ofac-sdn
 */
export async function resolveVersionRef(store: ListStore, ref: string): Promise<ListVersion> {
  const at = ref.lastIndexOf('@');
  const list = at >= 0 ? ref.slice(0, at) : /^\d+$/.test(ref) ? undefined : ref;
  const idText = at >= 0 ? ref.slice(at + 1) : list === undefined ? ref : undefined;
  if (idText !== undefined && idText !== 'latest') {
    if (!/^\d+$/.test(idText)) throw new CliError(`"${ref}" is not a version: use ID, LIST@ID or LIST`, 2);
    const version = await store.version(Number(idText));
    if (!version) throw new CliError(`no version ${idText} in the store${await knownVersions(store)}`);
    if (list !== undefined && version.list !== list) {
      throw new CliError(`version ${idText} belongs to list ${version.list}, not ${list}`);
    }
    return version;
  }
  const latest = await store.latestVersion(list!);
  if (!latest) throw new CliError(`no list named "${list}" in the store${await knownLists(store)}`);
  return latest;
}

/** The two newest versions of a list, oldest first, for `lists diff LIST`. */
export async function twoNewestVersions(store: ListStore, list: string): Promise<[ListVersion, ListVersion]> {
  const versions = await store.versions(list);
  if (versions.length === 0)
    throw new CliError(`no list named "${list}" in the store${await knownLists(store)}`);
  if (versions.length < 2) {
    throw new CliError(
      `list ${list} has only version ${versions[0]!.id}; import another to diff, or name two versions`,
    );
  }
  return [versions.at(-2)!, versions.at(-1)!];
}

/** `us-ofac-sdn@7`: how a version is shown. */
export function versionLabel(version: ListVersion): string {
  return `${version.list}@${version.id}`;
}

async function knownLists(store: ListStore): Promise<string> {
  const lists = (await store.latestVersions()).map((v) => v.list);
  return lists.length
    ? `; lists: ${lists.join(', ')}`
    : ' (it is empty: run `sentinela lists import PATH...`)';
}

async function knownVersions(store: ListStore): Promise<string> {
  const latest = await store.latestVersions();
  return latest.length
    ? `; newest versions: ${latest.map(versionLabel).join(', ')} (see \`sentinela lists list\`)`
    : ' (it is empty: run `sentinela lists import PATH...`)';
}
