/**
 * Instant start: the prepared aliases and the name index of a set of list versions, built once and
 * kept in a snapshot file beside the store, then opened by every process and worker thread without
 * preparing a single alias. Entities and prepared aliases are stored one JSON record each and
 * decoded on first use, so a one-name `screen` touches only its few candidates; the index is typed
 * arrays in shared memory. A snapshot is named by the hash of what it was built from (list
 * versions and their content hashes, matcher and screener versions, and a fingerprint of how the
 * matcher prepares a fixed set of names), so a changed list or matcher never reuses a stale one.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity } from '../core/index.js';
import { openNameIndex, writeNameIndex } from './index/name-index-snapshot.js';
import {
  decodeTokenRarity,
  encodeTokenRarity,
  inPreparedNameShape,
  MATCHER_VERSION,
  type PreparedName,
  prepareName,
} from './matching/index.js';
import { tokenIds } from './matching/token-ids.js';
import type { AliasStore } from './screener-alias-store.js';
import {
  readSnapshotFile,
  type SnapshotBytes,
  SnapshotSections,
  SnapshotWriter,
} from './screener-snapshot-file.js';
import { verifiedNotePath } from './screener-snapshot-note.js';
import {
  createScreener,
  SCREENER_VERSION,
  type Screener,
  type ScreenerOptions,
  type ScreenerParts,
  type ScreeningList,
  screenerOver,
} from './screener.js';

export type { SnapshotBytes } from './screener-snapshot-file.js';

/** Bumped whenever what a snapshot holds, or how the index is built, changes. */
const SNAPSHOT_LAYOUT = 'layout-4';

/** One list version a snapshot covers: its store id and content hash. */
export interface SnapshotListVersion {
  list: string;
  version: string;
  contentHash: string;
}

/** Names that exercise every part of name preparation; their prepared form is part of the key. */
const FINGERPRINT_NAMES: Array<[string, string]> = [
  ['GUZMAN LOERA, Joaquin Archivaldo', 'Person'],
  ["OSEGUERA CERVANTES, Nemesio 'El Mencho'", 'Person'],
  ['محمد حسن آخوند', 'Person'],
  ['Эрнесто Рамирес', 'Person'],
  ['金正恩', 'Person'],
  ['Abd al-Rahman ELSHEIKH bin Ali', 'Person'],
  ['CARTEL DE JALISCO NUEVA GENERACION (a.k.a. CJNG)', 'Organization'],
  ['Servicios Integrales de la Costa, S.A.P.I. de C.V.', 'Company'],
  ['Siemens AG Limitde Trading Co. Ltd', 'Organization'],
  ['OCEAN STAR 3 IMO 9123456', 'Vessel'],
  ['Chuy Memo Lalo', 'Unknown'],
  // Sound and romanisation rules of match-9 (CH before R, Uzbek X, French OU in Abd- names, JK initials).
  ['Christopher JK Xolmatov Abdoullah', 'Person'],
  // Organisation-type words in another language, grouped with the English word (NAVIERA, ZAVOD).
  ['Naviera Costa Azul Zavod', 'Organization'],
];

/**
 * The snapshot key of a set of list versions: changes when any version, its content, the matcher
 * or screener version, the snapshot layout or how names are prepared changes. With `cacheFolder`
 * (the snapshot folder), the preparation fingerprint is kept there for the code that computed it.
 */
export function screenerSnapshotKey(lists: readonly SnapshotListVersion[], cacheFolder?: string): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        layout: SNAPSHOT_LAYOUT,
        matcher: MATCHER_VERSION,
        screener: SCREENER_VERSION,
        preparation: preparationFingerprint(cacheFolder),
        lists: lists.map((l) => [l.list, l.version, l.contentHash]),
      }),
    )
    .digest('hex')
    .slice(0, 32);
}

let fingerprintOfThisProcess: string | undefined;

/**
 * How this code prepares the fingerprint names, hashed. Preparing them wakes every script table
 * (Han readings, Hangul, Arabic…), about 15–30 ms that a one-name screen of a Latin name would not
 * otherwise spend; so it is kept in `cacheFolder` beside a stamp of the code that prepares names
 * (the name, size and modification time of every file of `matching/` and `normalize/`) and
 * recomputed whenever that stamp changes.
 */
function preparationFingerprint(cacheFolder?: string): string {
  if (fingerprintOfThisProcess) return fingerprintOfThisProcess;
  const stamp = preparationCodeStamp();
  const file = cacheFolder && stamp ? join(cacheFolder, 'preparation.fingerprint') : undefined;
  if (file) {
    try {
      const held = JSON.parse(readFileSync(file, 'utf8')) as { stamp?: unknown; fingerprint?: unknown };
      if (held.stamp === stamp && typeof held.fingerprint === 'string') {
        fingerprintOfThisProcess = held.fingerprint;
        return held.fingerprint;
      }
    } catch {
      // Missing or unreadable: computed below.
    }
  }
  const hash = createHash('sha256');
  for (const [name, schema] of FINGERPRINT_NAMES) hash.update(encodePrepared(prepareName(name, schema)));
  fingerprintOfThisProcess = hash.digest('hex');
  if (file) {
    try {
      mkdirSync(cacheFolder!, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ stamp, fingerprint: fingerprintOfThisProcess }));
      renameSync(temporary, file);
    } catch {
      // A read-only folder only costs the next process the computation.
    }
  }
  return fingerprintOfThisProcess;
}

/** A hash of the name, size and modification time of the files that prepare names; undefined if unreadable. */
function preparationCodeStamp(): string | undefined {
  try {
    const hash = createHash('sha256').update(MATCHER_VERSION);
    for (const folder of ['./matching/', './normalize/']) {
      const path = fileURLToPath(new URL(folder, import.meta.url));
      for (const name of readdirSync(path).sort()) {
        const info = statSync(join(path, name));
        hash.update(`${path}${name}\u0000${info.size}\u0000${info.mtimeMs}\n`);
      }
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/** A prepared name as JSON; token ids are process-local, so they are left out and recomputed. */
function encodePrepared(name: PreparedName): string {
  return JSON.stringify(name, (key, value) => (key === 'tokenIds' ? undefined : value));
}

/** Decodes a prepared alias from its JSON record (exported for the round-trip test). */
export function decodePrepared(json: string): PreparedName {
  // In the shape `prepareName` gives (`inPreparedNameShape`), with this process's token ids;
  // absent optional parts come back as undefined.
  return inPreparedNameShape(JSON.parse(json) as PreparedName, (n) => tokenIds(n.keyTokens));
}

export { encodePrepared };

/**
 * Writes the snapshot of a built screener to `path` (atomically). Returns the bytes written.
 */
export function writeScreenerSnapshot(
  screener: Screener,
  lists: readonly SnapshotListVersion[],
  path: string,
): number {
  const { parts } = screener;
  const writer = new SnapshotWriter();
  writeNameIndex(parts.index, writer);
  const aliasRecords: string[] = new Array(parts.aliases.size);
  for (let a = 0; a < parts.aliases.size; a++) aliasRecords[a] = encodePrepared(parts.aliases.get(a));
  writer.putRecords('aliases', aliasRecords);
  writer.putRecords('rarity', [encodeTokenRarity(parts.rarity)]);
  const listNames = lists.map((l) => `${l.list}\u0000${l.version}`);
  const entityRecords: string[] = new Array(parts.entityCount);
  const entityList = new Uint16Array(parts.entityCount);
  for (let e = 0; e < parts.entityCount; e++) {
    entityRecords[e] = JSON.stringify(parts.entity(e));
    const at = listNames.indexOf(`${parts.list(e)}\u0000${parts.version(e)}`);
    if (at < 0)
      throw new Error(
        `entity ${e} belongs to ${parts.list(e)}@${parts.version(e)}, not to the snapshot's lists`,
      );
    entityList[e] = at;
  }
  writer.put('entities.list', entityList);
  writer.putRecords('entities', entityRecords);
  return writer.write(path, screenerSnapshotKey(lists), {
    lists: lists.map((l) => ({ list: l.list, version: l.version })),
    entityCount: parts.entityCount,
    aliasCount: parts.aliases.size,
  });
}

/**
 * An entity decoded from the snapshot as one object literal with every field in one order (gender
 * last, undefined where the list gives none). JSON.parse builds each object in the order its record was
 * written, and list readers write their fields in their own orders, with or without gender: so many
 * hidden classes that `qualifierAdjustments`, which reads every entity a query meets, was
 * deoptimised and optimised again; in one shape it is optimised once.
 */
function inEntityShape(entity: Entity): Entity {
  return {
    id: entity.id,
    schema: entity.schema,
    names: entity.names,
    addresses: entity.addresses,
    birthDates: entity.birthDates,
    birthPlaces: entity.birthPlaces,
    nationalities: entity.nationalities,
    countries: entity.countries,
    identifiers: entity.identifiers,
    programs: entity.programs,
    links: entity.links,
    attributes: entity.attributes,
    // Last, where the stores write it: the entity serialises as its record did.
    gender: entity.gender,
  };
}

/** Prepared aliases decoded from the snapshot on first use, then kept. */
class SnapshotAliases implements AliasStore {
  private readonly decoded: Array<PreparedName | undefined>;

  constructor(
    private readonly record: (index: number) => string,
    readonly size: number,
  ) {
    this.decoded = new Array(size);
  }

  add(): void {
    throw new Error('a snapshot is read-only');
  }

  applyRarity(): void {
    throw new Error('a snapshot is read-only (its aliases were weighed when it was written)');
  }

  get(alias: number): PreparedName {
    let held = this.decoded[alias];
    if (!held) {
      held = decodePrepared(this.record(alias));
      this.decoded[alias] = held;
    }
    return held;
  }

  text(alias: number): string {
    return this.get(alias).original;
  }
}

/**
 * Opens a screener over a snapshot already in memory (this process read it, or the main thread
 * handed it to this worker). Nothing is prepared: entities and aliases are decoded on first use.
 */
export function openScreenerSnapshot(snapshot: SnapshotBytes, options: ScreenerOptions = {}): Screener {
  const started = performance.now();
  const sections = new SnapshotSections(snapshot);
  const lists = snapshot.header.meta.lists as Array<{ list: string; version: string }>;
  const entityList = sections.u16('entities.list');
  const entityRecord = sections.records('entities');
  const entityCount = entityList.length;
  const entities: Array<Entity | undefined> = new Array(entityCount);
  const entity = (n: number): Entity => {
    let held = entities[n];
    if (!held) {
      held = inEntityShape(JSON.parse(entityRecord(n)) as Entity);
      entities[n] = held;
    }
    return held;
  };
  const parts: ScreenerParts = {
    entityCount,
    entity,
    list: (n) => lists[entityList[n]!]!.list,
    version: (n) => lists[entityList[n]!]!.version,
    aliases: new SnapshotAliases(sections.records('aliases'), sections.u32('aliases.hashes').length),
    index: openNameIndex(sections),
    rarity: decodeTokenRarity(sections.records('rarity')(0)),
  };
  return screenerOver(parts, options, performance.now() - started);
}

/** Where a store's snapshots live: a folder beside the database file. */
export function snapshotFolder(databasePath: string): string {
  return `${databasePath}.screening-cache`;
}

/** How a screener was obtained, for the figures and `--verbose` output. */
export interface CachedScreener {
  screener: Screener;
  /** The snapshot (its head in shared memory; `BatchScreeningPool.start` reads the records too). */
  snapshot: SnapshotBytes;
  /** `snapshot`: opened from the cache; `built`: built from the entities and written to the cache. */
  source: 'snapshot' | 'built';
  path: string;
}

/**
 * Snapshots this process has open (head in memory, file open for records), by path: a server that
 * rebuilds its screener after a review reopens the same snapshot without reading it again, and
 * holds a bounded number of open files.
 */
const openedSnapshots = new Map<string, { snapshot: SnapshotBytes; stamp: string }>();
const KEEP_OPEN = 4;

/** Size, inode and modification time: a file rewritten since it was opened is read again. */
function fileStamp(path: string): string {
  try {
    const info = statSync(path);
    return `${info.size}:${info.ino}:${info.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The snapshot this process already has open at `path`, if the file has not changed since. */
function alreadyOpen(path: string): SnapshotBytes | undefined {
  const held = openedSnapshots.get(path);
  return held && held.stamp === fileStamp(path) ? held.snapshot : undefined;
}

function remember(path: string, snapshot: SnapshotBytes | undefined): SnapshotBytes | undefined {
  if (!snapshot) return undefined;
  const previous = openedSnapshots.get(path);
  if (previous?.snapshot.file && previous.snapshot !== snapshot) closeSync(previous.snapshot.file.fd);
  openedSnapshots.delete(path);
  openedSnapshots.set(path, { snapshot, stamp: fileStamp(path) });
  while (openedSnapshots.size > KEEP_OPEN) {
    const [oldest, held] = openedSnapshots.entries().next().value!;
    openedSnapshots.delete(oldest);
    // A screener still using it would fail on its next record read: KEEP_OPEN exceeds what one
    // process screens against at once (one set of lists per scope).
    if (held.snapshot.file) closeSync(held.snapshot.file.fd);
  }
  return snapshot;
}

/** Snapshots kept in a folder: the newest few, so screeners over different sets of lists coexist. */
const KEEP_SNAPSHOTS = 4;

/**
 * The screener for these list versions: opened from the snapshot in `folder` when one was built
 * from exactly them, else built from `loadLists()` (only then are entities read) and written there
 * for the next process. Beyond the newest few, older snapshots in the folder are removed.
 *
 * @example
 * const { screener, snapshot } = await openOrBuildScreener(snapshotFolder(dbPath), versions, () => loadEntities(), { reviews });
 */
export async function openOrBuildScreener(
  folder: string,
  versions: readonly SnapshotListVersion[],
  loadLists: () => ScreeningList[] | Promise<ScreeningList[]>,
  options: ScreenerOptions = {},
): Promise<CachedScreener> {
  const key = screenerSnapshotKey(versions, folder);
  const path = join(folder, `${key}.snapshot`);
  // Records are read as candidates need them: a one-name screen reads a few dozen of them.
  const cached = alreadyOpen(path) ?? remember(path, readSnapshotFile(path, key, 'on-demand'));
  if (cached) {
    return { screener: openScreenerSnapshot(cached, options), snapshot: cached, source: 'snapshot', path };
  }
  const built = createScreener(await loadLists(), { ...options, retainPreparedAliases: true });
  mkdirSync(folder, { recursive: true });
  writeScreenerSnapshot(built, versions, path);
  const kept = readdirSync(folder)
    .filter((f) => f.endsWith('.snapshot') && !f.startsWith('customers-'))
    .map((f) => ({ f, at: statSync(join(folder, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of kept.slice(KEEP_SNAPSHOTS)) {
    rmSync(join(folder, f), { force: true });
    rmSync(verifiedNotePath(join(folder, f)), { force: true });
  }
  const written = remember(path, readSnapshotFile(path, key, 'on-demand'));
  if (!written) throw new Error(`the screening snapshot just written to ${path} does not read back`);
  // In this process the screener just built (every alias prepared) is the faster one.
  return { screener: built, snapshot: written, source: 'built', path };
}
