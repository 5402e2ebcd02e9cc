/**
 * Every exact name found (issue 14, item 2): every primary name and alias of SDN, UN and non-SDN,
 * screened as written (with its entity's schema, no qualifiers), must find its own entity at rank 1
 * with score 1.0 — or tie at the top with other entities holding the identical name. A miss here is
 * a name the screener cannot find even when the customer file copies it from the list.
 *
 * `node dist/bench/screening/exact-names.js [--quick] [--show N]` — quick mode screens a seeded
 * sample of 3,000 names; `--show N` prints the first N misses with their scores.
 */
import type { Entity } from '../../src/core/index.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { DEFAULT_THRESHOLD, type Screener, type ScreeningList } from '../../src/screening/index.js';
import {
  type BenchOptions,
  check,
  type Figure,
  formatFigures,
  isMain,
  loadSanctionsLists,
  log,
  parseBenchArgs,
  presentLists,
  screenerOverAllLists,
} from './screening-bench-data.js';

/** One list name and the entity that holds it. */
export interface ListName {
  list: string;
  entity: Entity;
  name: string;
}

/** Every distinct name of every entity of the lists, in list order. */
export function listNames(lists: ScreeningList[]): ListName[] {
  const out: ListName[] = [];
  for (const { list, entities } of lists) {
    for (const entity of entities) {
      const seen = new Set<string>();
      for (const n of entity.names) {
        if (seen.has(n.full) || n.full.trim() === '') continue;
        seen.add(n.full);
        out.push({ list, entity, name: n.full });
      }
    }
  }
  return out;
}

/** A seeded sample of `n` items without replacement (Fisher–Yates prefix). */
export function seededSample<T>(items: readonly T[], n: number, seed: number): T[] {
  const copy = items.slice();
  const rand = seededRandom(seed);
  const k = Math.min(n, copy.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, k);
}

export interface RankOutcome {
  /** The entity is first (or tied first) and above the threshold. */
  found: boolean;
  /** The entity's score, 0 when it is not among the results. */
  score: number;
  /** The top result's score. */
  topScore: number;
  top: string;
}

/** Where `target` stands when `name` is screened: rank 1 (ties allowed) and above threshold? */
export function rankOf(screener: Screener, target: ListName, name: string, threshold: number): RankOutcome {
  const matches = screener.screen(
    { id: 'q', name, schema: target.entity.schema },
    { threshold, minScore: Math.min(threshold, 0.3), limit: 50 },
  );
  const top = matches[0];
  const own = matches.find((m) => m.list === target.list && m.entityId === target.entity.id);
  const score = own?.score ?? 0;
  const topScore = top?.score ?? 0;
  return {
    found: own?.match === true && score >= topScore - 1e-9,
    score,
    topScore,
    top: top ? `${top.list}:${top.entityId} ${top.matchedAlias}` : '(none)',
  };
}

export async function run(options: BenchOptions & { show?: number }): Promise<Figure[]> {
  const lists = presentLists(await loadSanctionsLists());
  const screener = await screenerOverAllLists();
  const all = listNames(lists);
  const names = options.quick ? seededSample(all, 3000, 14) : all;
  log(`exact-names: ${names.length} names of ${all.length}${options.quick ? ' (quick: seeded sample)' : ''}`);
  const byList = new Map<string, { n: number; found: number; perfect: number }>();
  const misses: string[] = [];
  const started = performance.now();
  for (const target of names) {
    const outcome = rankOf(screener, target, target.name, DEFAULT_THRESHOLD);
    const key = `${target.list} ${target.entity.schema}`;
    const slot = byList.get(key) ?? { n: 0, found: 0, perfect: 0 };
    slot.n++;
    if (outcome.found) slot.found++;
    if (outcome.found && outcome.score >= 0.995) slot.perfect++;
    else
      misses.push(
        `${target.list}:${target.entity.id} ${JSON.stringify(target.name)} own ${outcome.score.toFixed(3)} top ${outcome.topScore.toFixed(3)} ${outcome.top}`,
      );
    byList.set(key, slot);
  }
  const seconds = (performance.now() - started) / 1000;
  for (const m of misses.slice(0, options.show ?? 0)) log(`miss: ${m}`);
  let n = 0;
  let found = 0;
  let perfect = 0;
  const figures: Figure[] = [];
  for (const [key, s] of [...byList].sort()) {
    n += s.n;
    found += s.found;
    perfect += s.perfect;
    figures.push({
      name: `${key}: rank 1 with score 1.0`,
      value: s.perfect / s.n,
      unit: '',
      target: '',
      note: `${s.perfect}/${s.n}; rank 1 above threshold ${s.found}`,
    });
  }
  const rate = n ? perfect / n : Number.NaN;
  figures.unshift(
    {
      name: 'exact list names: rank 1 with score 1.0',
      value: rate,
      unit: '',
      target: '>= 0.995',
      ok: check(rate, '>=', 0.995),
      note: `${perfect}/${n} names; ${seconds.toFixed(1)} s`,
    },
    {
      name: 'exact list names: rank 1 above threshold',
      value: n ? found / n : Number.NaN,
      unit: '',
      target: '>= 0.995',
      ok: check(n ? found / n : Number.NaN, '>=', 0.995),
      note: `${found}/${n}; ties with identical names count as rank 1`,
    },
  );
  return figures;
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const showAt = args.indexOf('--show');
  const show = showAt >= 0 ? Number(args[showAt + 1] ?? 20) : 0;
  const figures = await run({ ...parseBenchArgs(), show });
  process.stdout.write(formatFigures('Exact list names', figures));
}
