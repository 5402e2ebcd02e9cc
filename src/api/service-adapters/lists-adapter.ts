/** The list routes' view of the services' `ListStore`: versions, entity pages, one entity, diffs. */
import type { Entity, ListStore } from '../../core/index.js';
import { compareIds, diffEntities } from '../../list-versions/index.js';
import type { ApiLists } from '../api-dependencies.js';

export function listsAdapter(lists: ListStore): ApiLists {
  return {
    versions: (list) => lists.versions(list),
    version: (id) => lists.version(id),
    async entities(versionId, { after, limit }) {
      // Entities come in id order; a page starts after the given id.
      const all: Entity[] = await lists.entities(versionId);
      const start = after === undefined ? 0 : all.findIndex((e) => compareIds(e.id, after) > 0);
      const from = start < 0 ? all.length : start;
      const page = all.slice(from, from + limit);
      const last = page.at(-1);
      return from + limit < all.length && last ? { entities: page, next: last.id } : { entities: page };
    },
    entity: (versionId, entityId) => lists.entity(versionId, entityId),
    async diff(fromId, toId) {
      return diffEntities(await lists.entities(fromId), await lists.entities(toId));
    },
  };
}
