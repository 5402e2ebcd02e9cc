/**
 * The ranking and match/no-match checks ported from Moov Watchman's tests that are about names
 * (their exact scores belong to their algorithm). Three kinds:
 * - name cases (W19–W28): query vs listed name, expected match true/false at DEFAULT_THRESHOLD;
 * - entity ranking (W03–W08, W11, W18): name-only queries against one fixture entity must rank in
 *   the order of Watchman's expected scores;
 * - search cases (W29–W31): the expected SDN entity must be the top hit over every SDN name.
 * Cases resting on e-mail, identifiers, crypto addresses or flags are not name checks and are skipped.
 * Run: `npm run build && node dist/bench/screening/watchman-cases.js`
 */
import {
  DEFAULT_THRESHOLD,
  prepareName,
  scoreNames,
  type PreparedName,
} from '../../src/screening/matching/index.js';
import { benchFile, readCsv } from './bench-data.js';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

interface Case {
  case_id: string;
  level: string;
  query_json: string;
  index_ref: string;
  expected_score: string;
  expected_match: string;
}

const NAME_ONLY_FIELDS = new Set(['name', 'type']);

function schemaOf(type: string | undefined): string {
  if (type === 'person') return 'Person';
  if (type === 'business' || type === 'organization') return 'Organization';
  if (type === 'vessel') return 'Vessel';
  return 'Unknown';
}

/** OFAC CSV rows (sdn.csv + alt.csv) → names per ent_num. */
function ofacNames(
  sdnPath: string,
  altPath: string | undefined,
): Map<string, { schema: string; names: string[] }> {
  const out = new Map<string, { schema: string; names: string[] }>();
  const read = (path: string) =>
    parse(readFileSync(path, 'latin1'), {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  for (const row of read(sdnPath)) {
    const [id, name, type] = row;
    if (!id || !name) continue;
    const t = (type ?? '').trim().replace(/"/g, '');
    const schema =
      t === 'individual'
        ? 'Person'
        : t === 'vessel'
          ? 'Vessel'
          : t === 'aircraft'
            ? 'Aircraft'
            : 'Organization';
    out.set(id.trim(), { schema, names: [name] });
  }
  if (altPath) {
    for (const row of read(altPath)) {
      const entry = out.get((row[0] ?? '').trim());
      if (entry && row[3]) entry.names.push(row[3]);
    }
  }
  return out;
}

function bestScore(query: PreparedName, names: PreparedName[]): number {
  let best = 0;
  for (const n of names) best = Math.max(best, scoreNames(query, n));
  return best;
}

/** Runs the checks and prints how many hold; exported for `bench/screening/run.ts`. */
export async function runWatchmanCasesBench(options: { verbose?: boolean } = {}): Promise<void> {
  const casesPath = benchFile('sanctions/eval/watchman/watchman_ported_cases.csv');
  const fixtureSdn = benchFile('sanctions/ofac_watchman_fixture_2025-05/sdn.csv');
  const fullSdn = benchFile('sanctions/ofac_sdn_2024-05-03/sdn.csv');
  if (!casesPath || !fixtureSdn || !fullSdn) return;
  const fixture = ofacNames(fixtureSdn, benchFile('sanctions/ofac_watchman_fixture_2025-05/alt.csv'));
  const sdn = ofacNames(fullSdn, benchFile('sanctions/ofac_2025-12_alt_add_comments/alt.csv'));
  const cases = readCsv(casesPath) as unknown as Case[];
  const results: { id: string; kind: string; holds: boolean; detail: string }[] = [];

  // Name cases: expected match / no match.
  for (const c of cases.filter((x) => x.level === 'name')) {
    const q = JSON.parse(c.query_json) as { name: string; type?: string };
    const schema = schemaOf(q.type);
    const [primary, alts] = c.index_ref.split(/ \(altNames: /);
    const listed = [primary!, ...(alts ? alts.replace(/\)$/, '').split('; ') : [])].map((n) =>
      prepareName(n, schema),
    );
    const score = bestScore(prepareName(q.name, schema), listed);
    const expected = c.expected_match === 'true';
    results.push({
      id: c.case_id,
      kind: 'name match',
      holds: score >= DEFAULT_THRESHOLD === expected,
      detail: `${score.toFixed(3)} "${q.name}" vs "${c.index_ref}" expected ${expected ? 'match' : 'no match'}`,
    });
  }

  // Entity ranking: name-only queries against the same fixture entity keep Watchman's order.
  const entityCases = cases.filter((x) => x.level === 'entity');
  const byEntity = new Map<string, { id: string; expected: number; ours: number; name: string }[]>();
  for (const c of entityCases) {
    const q = JSON.parse(c.query_json) as Record<string, unknown> & { name?: string; type?: string };
    if (!q.name || Object.keys(q).some((k) => !NAME_ONLY_FIELDS.has(k))) continue;
    const entityId = /\b(\d{3,6})\b/.exec(c.index_ref)?.[1];
    const entity = entityId ? fixture.get(entityId) : undefined;
    if (!entity || !entityId) continue;
    const querySchema = schemaOf(q.type);
    const names = entity.names.map((n) => prepareName(n, entity.schema));
    let ours = bestScore(prepareName(q.name, querySchema === 'Unknown' ? entity.schema : querySchema), names);
    // A query of another type (a vessel named like a person) cannot be that entity.
    if (querySchema !== 'Unknown' && querySchema !== entity.schema) ours *= 0.5;
    const list = byEntity.get(entityId) ?? [];
    list.push({ id: c.case_id, expected: Number(c.expected_score), ours, name: q.name });
    byEntity.set(entityId, list);
  }
  for (const [entityId, list] of byEntity) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const x = list[a]!;
        const y = list[b]!;
        if (Math.abs(x.expected - y.expected) < 0.05) continue;
        const [hi, lo] = x.expected > y.expected ? [x, y] : [y, x];
        results.push({
          id: `${hi.id}>${lo.id}`,
          kind: `ranking on ${entityId}`,
          holds: hi.ours > lo.ours,
          detail: `"${hi.name}" ${hi.ours.toFixed(3)} should outrank "${lo.name}" ${lo.ours.toFixed(3)}`,
        });
      }
    }
  }

  // Search cases: the expected entity is the top hit over all SDN names.
  const prepared = [...sdn].map(([id, e]) => ({ id, names: e.names.map((n) => prepareName(n, e.schema)) }));
  const searches: [string, string, string][] = [
    ['W29', 'Nicolas Maduro', '22790'],
    ['W30', 'Ayman ZAWAHIRI', '2676'],
    ['W31', 'Nicolas MADURO', '22790'],
    ['W31', 'nicolas maduro', '22790'],
    ['W31', 'NICOLAS maduro', '22790'],
  ];
  for (const [id, name, expected] of searches) {
    if (!cases.some((c) => c.case_id === id)) continue;
    const q = prepareName(name, 'Person');
    let top = { id: '', score: -1 };
    for (const e of prepared) {
      const s = bestScore(q, e.names);
      if (s > top.score) top = { id: e.id, score: s };
    }
    results.push({
      id,
      kind: 'search top hit',
      holds: top.id === expected && top.score >= DEFAULT_THRESHOLD,
      detail: `"${name}": top ${top.id} (${top.score.toFixed(3)}), expected ${expected}`,
    });
  }

  const held = results.filter((r) => r.holds).length;
  console.log(`Watchman ported checks (name-based): ${held}/${results.length} hold`);
  for (const kind of [...new Set(results.map((r) => r.kind.replace(/ on \d+$/, '')))]) {
    const subset = results.filter((r) => r.kind.startsWith(kind));
    console.log(`  ${kind.padEnd(16)} ${subset.filter((r) => r.holds).length}/${subset.length}`);
  }
  for (const r of results)
    if (!r.holds || options.verbose) console.log(`  ${r.holds ? 'ok  ' : 'FAIL'} ${r.id} ${r.detail}`);
  const used = new Set(results.flatMap((r) => r.id.split('>')));
  const skipped = cases.filter((c) => !used.has(c.case_id)).map((c) => c.case_id);
  console.log(
    `  not checked (${skipped.length}): ${skipped.join(' ')} — they rest on identifiers, e-mail, crypto, flags or qualifiers, or have no second case to rank against`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runWatchmanCasesBench({ verbose: process.argv.includes('--verbose') });
}
