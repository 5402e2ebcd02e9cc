/**
 * Ongoing monitoring, the engine side: a name index over a stored customer base (built once per
 * base version and kept as a snapshot), so that after a list update the few added or changed
 * entities can be looked up among a million customers instead of screening every customer again.
 * The customers an entity's names point at are then screened, in the usual direction and by the
 * usual scorer, against a screener over the changed entities only.
 */
import type { Entity, PartyQuery, ReviewedFalsePositive, ScreeningMatch } from '../core/index.js';
import { type CandidateOptions, type NameIndex, NameIndexBuilder } from './index/index.js';
import { openNameIndex, writeNameIndex } from './index/name-index-snapshot.js';
import { prepareName } from './matching/index.js';
import { createScreener, indexable } from './screener.js';
import { readSnapshotFile, SnapshotSections, SnapshotWriter } from './screener-snapshot-file.js';

/** Candidate generation for looking an entity's name up among customers: wider than for a query. */
const REVERSE_CANDIDATES: CandidateOptions = {
  limit: 200,
  relativeFloor: 0.25,
  coverageFloor: 0.25,
  diceFloor: 0.3,
};

/** Adds customers in number order (0, 1, 2…), then builds the index once. */
export class CustomerIndexBuilder {
  private readonly builder = new NameIndexBuilder();
  private count = 0;

  add(customer: PartyQuery): void {
    const number = this.count++;
    this.builder.addAlias(number, indexable(prepareName(customer.name, customer.schema)));
    if (customer.idNumber) this.builder.addIdentifier(number, customer.idNumber);
  }

  get size(): number {
    return this.count;
  }

  build(): NameIndex {
    return this.builder.build();
  }
}

/** Writes a customer index to `path`, keyed by `key` (the base version and how names are prepared). */
export function writeCustomerIndex(index: NameIndex, key: string, path: string): number {
  const writer = new SnapshotWriter();
  writeNameIndex(index, writer);
  return writer.write(path, key, { kind: 'customer-index', customers: index.entityCount });
}

/** Opens a customer index written by `writeCustomerIndex`, or undefined when absent, stale or damaged. */
export function openCustomerIndex(key: string, path: string): NameIndex | undefined {
  const snapshot = readSnapshotFile(path, key);
  return snapshot ? openNameIndex(new SnapshotSections(snapshot)) : undefined;
}

/** An entity added or changed in a list version, to look up among the customers. */
export interface ChangedEntity {
  list: string;
  version: string;
  entity: Entity;
}

/**
 * The customers (by number) whose names or identifiers point at any of the changed entities, each
 * with the changed entities (positions in `changed`) that pointed at it.
 *
 * @example
 * const near = customersNearEntities(customerIndex, [{ list: 'us-ofac-sdn', version: '4', entity }]);
 */
export function customersNearEntities(
  index: NameIndex,
  changed: readonly ChangedEntity[],
): Map<number, number[]> {
  const found = new Map<number, number[]>();
  const add = (customer: number, position: number) => {
    const held = found.get(customer);
    if (!held) found.set(customer, [position]);
    else if (held[held.length - 1] !== position) held.push(position);
  };
  changed.forEach(({ entity }, position) => {
    const identifiers = entity.identifiers.map((i) => i.value);
    const seen = new Set<string>();
    for (const name of entity.names) {
      if (seen.has(name.full)) continue;
      seen.add(name.full);
      const candidates = index.candidates(
        indexable(prepareName(name.full, entity.schema)),
        identifiers,
        REVERSE_CANDIDATES,
      );
      for (const customer of candidates.aliases) add(index.entityOf(customer), position);
      for (const customer of candidates.identifierEntities) add(customer, position);
      identifiers.length = 0;
    }
  });
  return found;
}

/** A customer's match against a changed entity. */
export interface CustomerMatch {
  customer: PartyQuery;
  match: ScreeningMatch;
}

/**
 * Scores each customer against the changed entities that pointed at it (positions in `changed`),
 * with the usual scorer and reviews applied, returning the matches at or above `threshold`.
 */
export function screenCustomersAgainst(
  customers: ReadonlyArray<{ customer: PartyQuery; changed: readonly number[] }>,
  changed: readonly ChangedEntity[],
  options: { threshold?: number; reviews?: readonly ReviewedFalsePositive[] } = {},
): CustomerMatch[] {
  const byList = new Map<
    string,
    { list: string; version: string; entities: Entity[]; positions: number[] }
  >();
  changed.forEach((c, position) => {
    const key = `${c.list}\u0000${c.version}`;
    const held = byList.get(key);
    if (held) {
      held.entities.push(c.entity);
      held.positions.push(position);
    } else byList.set(key, { list: c.list, version: c.version, entities: [c.entity], positions: [position] });
  });
  const groups = [...byList.values()];
  const screener = createScreener(groups, { reviews: options.reviews ?? [] });
  // The screener numbers entities in the order of its lists.
  const entityNumber = new Int32Array(changed.length);
  let next = 0;
  for (const group of groups) for (const position of group.positions) entityNumber[position] = next++;
  const out: CustomerMatch[] = [];
  for (const { customer, changed: positions } of customers) {
    const screenOptions = {
      entities: positions.map((p) => entityNumber[p]!),
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    };
    for (const match of screener.screen(customer, screenOptions)) {
      if (match.match) out.push({ customer, match });
    }
  }
  return out;
}
