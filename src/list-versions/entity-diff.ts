/**
 * What changed between two versions of a list: entities added, removed, and changed with the
 * fields that changed (old → new). Compliance teams rescreen their customers against exactly this.
 */
// The defining file, not the core barrel (whose schemas load zod): see import-list-version.ts.
import { displayName } from '../core/display-name.js';
import type { Entity } from '../core/index.js';
import { canonicalJson } from './canonical-json.js';
import { compareIds } from './content-hash.js';
import { compareFields, entityFieldValues } from './entity-field-values.js';

/** An entity named in a diff, with enough to read it without opening the version. */
export interface EntityRef {
  id: string;
  schema: Entity['schema'];
  name: string;
  programs: string[];
}

/** One field of one entity that differs; values are readable texts, sorted. */
export interface FieldChange {
  /** `names`, `programs`, `birthDates`, …, or `attributes.<key>` for source-specific facts. */
  field: string;
  before: string[];
  after: string[];
  added: string[];
  removed: string[];
}

export interface EntityChange {
  id: string;
  schema: Entity['schema'];
  /** The display name after the change (and before it, when it changed). */
  name: string;
  previousName?: string;
  fields: FieldChange[];
}

export interface ListDiff {
  added: EntityRef[];
  removed: EntityRef[];
  changed: EntityChange[];
  unchanged: number;
}

/**
 * Compares two entity sets by id. Order of entities, and of values inside a field, is ignored;
 * the result is sorted by id (numerically where ids are numbers), fields in a fixed order.
 *
 * @example
 * const diff = diffEntities(version2024, version2025);
 * diff.changed.find((c) => c.id === '11440')?.fields; // [{ field: 'programs', added: ['FTO', 'SDGT'], … }, …]
 */
export function diffEntities(before: readonly Entity[], after: readonly Entity[]): ListDiff {
  const beforeById = new Map(before.map((e) => [e.id, e]));
  const afterById = new Map(after.map((e) => [e.id, e]));
  const diff: ListDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [id, next] of afterById) {
    const previous = beforeById.get(id);
    if (!previous) {
      diff.added.push(entityRef(next));
      continue;
    }
    if (canonicalJson(previous) === canonicalJson(next)) {
      diff.unchanged++;
      continue;
    }
    const fields = fieldChanges(previous, next);
    if (fields.length === 0) {
      diff.unchanged++;
      continue;
    }
    const change: EntityChange = { id, schema: next.schema, name: displayName(next), fields };
    if (displayName(previous) !== change.name) change.previousName = displayName(previous);
    diff.changed.push(change);
  }
  for (const [id, previous] of beforeById) if (!afterById.has(id)) diff.removed.push(entityRef(previous));
  diff.added.sort((a, b) => compareIds(a.id, b.id));
  diff.removed.sort((a, b) => compareIds(a.id, b.id));
  diff.changed.sort((a, b) => compareIds(a.id, b.id));
  return diff;
}

/** The fields in which two versions of one entity differ. */
export function fieldChanges(previous: Entity, next: Entity): FieldChange[] {
  const before = entityFieldValues(previous);
  const after = entityFieldValues(next);
  const fields = [...new Set([...before.keys(), ...after.keys()])].sort(compareFields);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = before.get(field) ?? [];
    const a = after.get(field) ?? [];
    const bSet = new Set(b);
    const aSet = new Set(a);
    const added = a.filter((v) => !bSet.has(v));
    const removed = b.filter((v) => !aSet.has(v));
    if (added.length === 0 && removed.length === 0) continue;
    changes.push({ field, before: b, after: a, added, removed });
  }
  return changes;
}

function entityRef(entity: Entity): EntityRef {
  return { id: entity.id, schema: entity.schema, name: displayName(entity), programs: [...entity.programs] };
}
