/**
 * Reading stored list versions: every version, one version's summary or one entity's record, and
 * what changed between two versions — with versions named as users write them: `7` (an id),
 * `us-ofac-sdn@7`, or `us-ofac-sdn` (its newest version).
 */
import type { Entity, ListStore, ListVersion, Stores } from '../core/index.js';
import type { ListDiff } from '../list-versions/index.js';
import { ServiceError } from './service-error.js';

/** `us-ofac-sdn@7`: how a version is shown. */
export function versionLabel(version: ListVersion): string {
  return `${version.list}@${version.id}`;
}

/**
 * The version `ref` names; a ServiceError listing what exists when it names nothing.
 *
 * @example
 * await resolveVersionRef(stores.lists, 'us-ofac-sdn@3'); // version 3, which must belong to us-ofac-sdn
 */
export async function resolveVersionRef(store: ListStore, ref: string): Promise<ListVersion> {
  const at = ref.lastIndexOf('@');
  const list = at >= 0 ? ref.slice(0, at) : /^\d+$/.test(ref) ? undefined : ref;
  const idText = at >= 0 ? ref.slice(at + 1) : list === undefined ? ref : undefined;
  if (idText !== undefined && idText !== 'latest') {
    if (!/^\d+$/.test(idText))
      throw new ServiceError('invalid', `"${ref}" is not a version: use ID, LIST@ID or LIST`, {
        field: 'version',
      });
    const version = await store.version(Number(idText));
    if (!version)
      throw new ServiceError('not-found', `no version ${idText} in the store${await knownVersions(store)}`);
    if (list !== undefined && version.list !== list) {
      throw new ServiceError('not-found', `version ${idText} belongs to list ${version.list}, not ${list}`);
    }
    return version;
  }
  const latest = await store.latestVersion(list!);
  if (!latest)
    throw new ServiceError('not-found', `no list named "${list}" in the store${await knownLists(store)}`);
  return latest;
}

/** The two newest versions of a list, oldest first, for a diff of a list alone. */
export async function twoNewestVersions(store: ListStore, list: string): Promise<[ListVersion, ListVersion]> {
  const versions = await store.versions(list);
  if (versions.length === 0)
    throw new ServiceError('not-found', `no list named "${list}" in the store${await knownLists(store)}`);
  if (versions.length < 2) {
    throw new ServiceError(
      'not-found',
      `list ${list} has only version ${versions[0]!.id}; import another to diff, or name two versions`,
    );
  }
  return [versions.at(-2)!, versions.at(-1)!];
}

/** Every stored version, oldest first. */
export async function listVersions(stores: Stores): Promise<ListVersion[]> {
  return stores.lists.versions();
}

export interface VersionSummary {
  version: ListVersion;
  bySchema: Map<string, number>;
  byProgram: Map<string, number>;
}

/** A version's facts with its entities counted by schema and by sanctions program. */
export async function summarizeVersion(stores: Stores, ref: string): Promise<VersionSummary> {
  const version = await resolveVersionRef(stores.lists, ref);
  const entities = await stores.lists.entities(version.id);
  return {
    version,
    bySchema: countBy(entities, (e) => e.schema),
    byProgram: countBy(
      entities.flatMap((e) => e.programs),
      (p) => p,
    ),
  };
}

/** One entity of a version, whole; `not-found` when the version does not hold it. */
export async function showEntity(
  stores: Stores,
  ref: string,
  entityId: string,
): Promise<{ version: ListVersion; entity: Entity }> {
  const version = await resolveVersionRef(stores.lists, ref);
  const entity = await stores.lists.entity(version.id, entityId);
  if (!entity)
    throw new ServiceError('not-found', `no entity "${entityId}" in ${versionLabel(version)}`, {
      field: 'entity',
    });
  return { version, entity };
}

export interface VersionDiff {
  from: ListVersion;
  to: ListVersion;
  diff: ListDiff;
}

/**
 * Entities added, removed and changed from `a` to `b`; with `b` absent, `a` must be a list name and
 * its two newest versions are compared.
 *
 * @example
 * const { diff } = await diffVersions(stores, 'us-ofac-sdn'); // diff.added, diff.removed, diff.changed
 */
export async function diffVersions(stores: Stores, a: string, b?: string): Promise<VersionDiff> {
  const { diffEntities } = await import('../list-versions/index.js');
  let from: ListVersion;
  let to: ListVersion;
  if (b === undefined) {
    if (/^\d+$/.test(a) || a.includes('@')) {
      throw new ServiceError(
        'invalid',
        'give two versions, or a list name alone for its two newest versions',
        {
          field: 'version',
        },
      );
    }
    [from, to] = await twoNewestVersions(stores.lists, a);
  } else {
    from = await resolveVersionRef(stores.lists, a);
    to = await resolveVersionRef(stores.lists, b);
  }
  const diff = diffEntities(await stores.lists.entities(from.id), await stores.lists.entities(to.id));
  return { from, to, diff };
}

/** Counts values of `key` over `items`. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
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
