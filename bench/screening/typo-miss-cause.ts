/**
 * Why a mistyped list name did not find its entity: the index never offered the entity (candidate
 * generation), it was offered but scored under the threshold (scoring), or it scored above the
 * threshold but another entity scored higher. Used by `typos.js --misses` to tell the causes apart.
 */
import { prepareName, type Screener, weighByRarity } from '../../src/screening/index.js';
import { indexable } from '../../src/screening/screener.js';
import type { ListName } from './exact-names.js';

export type MissCause = 'not offered' | 'scored low' | 'outranked';

export interface MissDiagnosis {
  cause: MissCause;
  /** The entity's best score when every alias is scored (what a perfect index would give). */
  exhaustiveScore: number;
  /** Aliases the index offered for the query. */
  candidateCount: number;
}

/** Entity numbers by `list:id`, built once per screener. */
const entityNumbers = new WeakMap<Screener, Map<string, number>>();

function entityNumberOf(screener: Screener, target: ListName): number | undefined {
  let numbers = entityNumbers.get(screener);
  if (!numbers) {
    numbers = new Map();
    const { parts } = screener;
    for (let n = 0; n < parts.entityCount; n++) numbers.set(`${parts.list(n)}:${parts.entity(n).id}`, n);
    entityNumbers.set(screener, numbers);
  }
  return numbers.get(`${target.list}:${target.entity.id}`);
}

/**
 * The cause of a miss of `target` screened as `edited`.
 * @example diagnoseMiss(screener, target, 'TK', 0.7) // { cause: 'not offered', ... }
 */
export function diagnoseMiss(
  screener: Screener,
  target: ListName,
  edited: string,
  ownScore: number,
  threshold: number,
): MissDiagnosis {
  const { parts } = screener;
  const wanted = entityNumberOf(screener, target);
  const query = weighByRarity(prepareName(edited, target.entity.schema), parts.rarity);
  const found = parts.index.candidates(indexable(query));
  let offered = false;
  for (const alias of found.aliases) if (parts.index.entityOf(alias) === wanted) offered = true;
  const exhaustive =
    wanted === undefined
      ? []
      : screener.screen(
          { id: 'q', name: edited, schema: target.entity.schema },
          { threshold, minScore: 0, limit: 1, entities: [wanted] },
        );
  const exhaustiveScore = exhaustive[0]?.score ?? 0;
  const cause: MissCause = !offered ? 'not offered' : ownScore < threshold ? 'scored low' : 'outranked';
  return { cause, exhaustiveScore, candidateCount: found.aliases.length };
}
