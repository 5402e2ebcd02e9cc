/**
 * Applying a partial update file over a full list: OFAC and the UN publish update files that only
 * add or replace entries, so an entity missing from the update is kept, never removed.
 *
 * Relational publications (OFAC: sdn.csv, alt.csv, add.csv, sdn_comments.csv joined by ent_num)
 * can be updated one file at a time. An update of sdn.csv alone says nothing about an entity's
 * aliases or addresses, so replacing the entity whole would silently drop them — and with them
 * every match on an a.k.a. The facts a reader tags with an `origin` part (alias, address) are
 * therefore kept from the stored entity unless the update supplies that part itself.
 */
import type { Address, Entity, EntityName } from '../core/index.js';
import { compareIds } from './content-hash.js';

/** What applying an update did, for the import summary. */
export interface PartialUpdateResult {
  entities: Entity[];
  added: number;
  replaced: number;
  /** Names and addresses kept from the stored entities because their part was not in the update. */
  kept: { names: number; addresses: number };
}

/** Which parts of each record the update supplies (absent: all of them), from `ParsedList`. */
export interface UpdateParts {
  parts?: readonly string[] | undefined;
  partAttributes?: Readonly<Record<string, readonly string[]>> | undefined;
}

/**
 * Replaces entities of `base` by id with those of `update` and appends the new ones; the result is
 * in id order. Nothing in `base` is removed, and a replaced entity keeps the stored names,
 * addresses and part attributes whose origin part the update does not supply.
 *
 * @example
 * applyPartialUpdate([sinaloa2024], [sinaloa2025, newEntity]).entities; // [sinaloa2025, newEntity]
 * applyPartialUpdate(stored, fromSdnCsvOnly, { parts: ['primary'] }); // alt.csv aliases kept
 */
export function applyPartialUpdate(
  base: readonly Entity[],
  update: readonly Entity[],
  supplied: UpdateParts = {},
): PartialUpdateResult {
  const byId = new Map<string, Entity>();
  for (const entity of base) byId.set(entity.id, entity);
  let added = 0;
  let replaced = 0;
  const kept = { names: 0, addresses: 0 };
  const given = supplied.parts ? new Set(supplied.parts) : undefined;
  for (const entity of update) {
    const previous = byId.get(entity.id);
    if (previous) replaced++;
    else added++;
    byId.set(
      entity.id,
      previous && given ? keepUnsuppliedParts(previous, entity, given, supplied, kept) : entity,
    );
  }
  const entities = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  return { entities, added, replaced, kept };
}

function keepUnsuppliedParts(
  previous: Entity,
  next: Entity,
  given: ReadonlySet<string>,
  supplied: UpdateParts,
  kept: { names: number; addresses: number },
): Entity {
  const missing = (origin: string | undefined): boolean => origin !== undefined && !given.has(origin);
  const oldNames = previous.names.filter((n) => missing(n.origin));
  const oldAddresses = previous.addresses.filter((a) => missing(a.origin));
  const oldAttributeKeys = Object.entries(supplied.partAttributes ?? {})
    .filter(([part]) => !given.has(part))
    .flatMap(([, keys]) => keys)
    .filter((key) => (previous.attributes[key]?.length ?? 0) > 0);
  if (oldNames.length === 0 && oldAddresses.length === 0 && oldAttributeKeys.length === 0) return next;

  const merged: Entity = {
    ...next,
    // Facts of a part the update does supply are the update's; only unsupplied parts carry over.
    names: next.names.filter((n) => !missing(n.origin)),
    addresses: next.addresses.filter((a) => !missing(a.origin)),
    countries: [...next.countries],
    attributes: { ...next.attributes },
  };
  for (const name of oldNames) if (addName(merged.names, name)) kept.names++;
  for (const address of oldAddresses) {
    if (!addAddress(merged.addresses, address)) continue;
    kept.addresses++;
    if (address.country && !merged.countries.includes(address.country))
      merged.countries.push(address.country);
  }
  for (const key of oldAttributeKeys) merged.attributes[key] = [...(previous.attributes[key] ?? [])];
  return merged;
}

function addName(names: EntityName[], name: EntityName): boolean {
  if (names.some((n) => n.full === name.full && n.kind === name.kind)) return false;
  names.push(name);
  return true;
}

function addAddress(addresses: Address[], address: Address): boolean {
  if (addresses.some((a) => a.full === address.full)) return false;
  addresses.push(address);
  return true;
}
