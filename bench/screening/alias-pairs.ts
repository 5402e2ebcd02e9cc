/**
 * Leave-one-out aliases: the Latin-script aliases of one listed entity are names of one party, so
 * pairs of them that score between 0.5 and the threshold show variations (spelling, order,
 * transliteration, initials) the matcher misses on names no benchmark was shaped on. A study aid,
 * not a figure: some pairs are different names on purpose (a nickname, a former name), so the
 * near-misses are read, not counted as errors.
 * Run: `npm run build && node dist/bench/screening/alias-pairs.js [--schema Person] [--show 80] [--seed 1]`.
 */
import { type Entity, seededRandom } from '../../src/core/index.js';
import {
  DEFAULT_THRESHOLD,
  compareNames,
  prepareName,
  scoreNames,
  weighByRarity,
} from '../../src/screening/matching/index.js';
import { isMain, loadSanctionsLists, presentLists, screenerOverAllLists } from './screening-bench-data.js';

const LOW = 0.5;

/** Aliases written in Latin letters only: other scripts are compared by the cross-script bench. */
function latinAliases(entity: Entity): string[] {
  const names = entity.names.filter((n) => n.kind !== 'original-script').map((n) => n.full);
  return [...new Set(names.filter((n) => !/[^\p{Script=Latin}\p{P}\p{N}\s]/u.test(n)))];
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

export async function runAliasPairsStudy(): Promise<void> {
  const schema = argument('--schema') ?? 'Person';
  const show = Number(argument('--show') ?? 60);
  const random = seededRandom(Number(argument('--seed') ?? 1));
  const rarity = (await screenerOverAllLists()).parts.rarity;
  const entities = presentLists(await loadSanctionsLists()).flatMap((l) => l.entities);
  let pairs = 0;
  const bands = [0, 0, 0];
  const near: { a: string; b: string; score: number }[] = [];
  for (const entity of entities) {
    if (entity.schema !== schema) continue;
    const aliases = latinAliases(entity).map((n) => weighByRarity(prepareName(n, schema), rarity));
    for (let i = 0; i < aliases.length; i++) {
      for (let j = i + 1; j < aliases.length; j++) {
        const score = scoreNames(aliases[i]!, aliases[j]!);
        pairs++;
        const band = score >= DEFAULT_THRESHOLD ? 2 : score >= LOW ? 1 : 0;
        bands[band]!++;
        if (band === 1) near.push({ a: aliases[i]!.original, b: aliases[j]!.original, score });
      }
    }
  }
  console.log(
    `Alias pairs of one ${schema}: ${pairs}; >= ${DEFAULT_THRESHOLD}: ${bands[2]} (${((100 * bands[2]!) / pairs).toFixed(1)} %), ${LOW}-${DEFAULT_THRESHOLD}: ${bands[1]}, < ${LOW}: ${bands[0]}`,
  );
  for (let k = near.length - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    [near[k], near[r]] = [near[r]!, near[k]!];
  }
  for (const p of near.slice(0, show)) {
    const explained = compareNames(prepareName(p.a, schema), prepareName(p.b, schema));
    const parts = explained.features
      .filter((f) => f.feature !== 'name')
      .map((f) => f.detail.replace(/^name part /, ''))
      .join('; ');
    console.log(`${p.score.toFixed(3)} ${p.a} | ${p.b}\n    ${parts}`);
  }
}

if (isMain(import.meta.url)) await runAliasPairsStudy();
