/**
 * Whole-entity checks from nomenklatura (`entity_bench_checks.yml`, 228 match / no-match checks
 * from the project that published the name pairs): each check's query is scored against its
 * candidate with the party scorer at DEFAULT_THRESHOLD, both names weighed with the rarity table
 * of SDN + UN + non-SDN. Prints P/R/F1 overall and per schema, and with `--errors` every miss and
 * false alarm with its score and explanation lines. A printed figure with no target: it is a study
 * set, not an evaluation set.
 * Run: `npm run build && node dist/bench/screening/entity-checks.js [--errors]`.
 *
 * Most checks are also labelled name pairs: 123 of the 228 are rows of `name_bench_cases.csv`
 * (121 of them in half B, the half kept for checking that a change carries). So the figure over
 * all checks is not independent of half B, and only the checks that are no name pair — the study
 * set, 105 checks — are listed with `--errors`; the others are never printed one by one.
 *
 * A check gives a `name`, or name parts (firstName, middleName, fatherName, lastName) that are
 * joined in that order; it gives no birth date, nationality or identifier, so only the schema
 * reaches the party scorer beside the name.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { EntitySchemaName, PartyQuery } from '../../src/core/index.js';
import {
  DEFAULT_THRESHOLD,
  prepareName,
  scoreParty,
  weighByRarity,
} from '../../src/screening/matching/index.js';
import { entity } from '../../src/screening/screener-test-entities.js';
import { benchFile, readCsv } from './bench-data.js';
import { isMain, screenerOverAllLists } from './screening-bench-data.js';

/** One side of a check as the file writes it. */
interface CheckParty {
  name?: string;
  firstName?: string;
  middleName?: string;
  fatherName?: string;
  lastName?: string;
}

interface Check {
  match: boolean;
  schema: EntitySchemaName;
  label?: string;
  query: CheckParty;
  candidate: CheckParty;
}

interface Scored {
  check: Check;
  /** The same two names are a labelled name pair (either order). */
  namePair: boolean;
  query: string;
  candidate: string;
  score: number;
  explanation: string[];
}

/** The full name of one side: its `name`, else its parts in the order a Western name is written. */
export function partyName(party: CheckParty): string {
  if (party.name) return party.name;
  return [party.firstName, party.middleName, party.fatherName, party.lastName].filter(Boolean).join(' ');
}

function readChecks(path: string): Check[] {
  const document = parse(readFileSync(path, 'utf8')) as { checks?: Check[] };
  return document.checks ?? [];
}

/** Both orders of every labelled name pair, to tell the checks that are also name pairs. */
function namePairKeys(): Set<string> {
  const path = benchFile('sanctions/eval/nomenklatura/name_bench_cases.csv');
  const keys = new Set<string>();
  for (const r of path ? readCsv(path) : []) {
    keys.add(`${r.name1}\u0000${r.name2}`);
    keys.add(`${r.name2}\u0000${r.name1}`);
  }
  return keys;
}

function scoreCheck(check: Check, rarity: Parameters<typeof weighByRarity>[1], pairs: Set<string>): Scored {
  const query = partyName(check.query);
  const candidate = partyName(check.candidate);
  const party: PartyQuery = { id: 'check', name: query, schema: check.schema };
  const listed = entity({
    id: 'candidate',
    schema: check.schema,
    names: [{ full: candidate, kind: 'primary' }],
  });
  const result = scoreParty(
    party,
    weighByRarity(prepareName(query, check.schema), rarity),
    listed,
    weighByRarity(prepareName(candidate, check.schema), rarity),
  );
  return {
    check,
    namePair: pairs.has(`${query}\u0000${candidate}`),
    query,
    candidate,
    score: result.score,
    explanation: result.explanation.map((f) => `${f.feature}: ${f.detail}`),
  };
}

const f = (x: number) => x.toFixed(3);

function line(label: string, rows: Scored[]): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const predicted = r.score >= DEFAULT_THRESHOLD;
    if (predicted && r.check.match) tp++;
    else if (predicted) fp++;
    else if (r.check.match) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return `${label.padEnd(26)} ${String(rows.length).padStart(4)}  ${f(precision)} ${f(recall)} ${f(f1)}   ${fp} FP, ${fn} FN`;
}

export interface EntityChecksOptions {
  /** List every miss and false alarm with its explanation. */
  errors?: boolean;
}

/** Scores every check; exported so `bench/screening/run.ts` can call it. */
export async function runEntityChecksBench(options: EntityChecksOptions = {}): Promise<void> {
  const path = benchFile('sanctions/eval/nomenklatura/entity_bench_checks.yml');
  if (!path) return;
  const rarity = (await screenerOverAllLists()).parts.rarity;
  const pairs = namePairKeys();
  const rows = readChecks(path).map((check) => scoreCheck(check, rarity, pairs));
  const study = rows.filter((r) => !r.namePair);
  console.log(
    `Entity checks: ${rows.length} nomenklatura match/no-match checks, party scorer at DEFAULT_THRESHOLD ${DEFAULT_THRESHOLD} (a study set, no target)`,
  );
  console.log(`${''.padEnd(26)}    n  P     R     F1`);
  console.log(line('overall', rows));
  console.log(
    line(
      'also name pairs',
      rows.filter((r) => r.namePair),
    ),
  );
  console.log(line('study set (no name pair)', study));
  for (const schema of [...new Set(study.map((r) => r.check.schema))].sort()) {
    console.log(
      line(
        `  study ${schema}`,
        study.filter((r) => r.check.schema === schema),
      ),
    );
  }
  if (!options.errors) return;
  for (const r of study) {
    if (r.score >= DEFAULT_THRESHOLD === r.check.match) continue;
    const label = r.check.label ? `/${r.check.label}` : '';
    console.log(
      `${r.check.match ? 'FN' : 'FP'} ${f(r.score)} [${r.check.schema}${label}] ${r.query} | ${r.candidate}`,
    );
    for (const e of r.explanation) console.log(`    ${e}`);
  }
}

if (isMain(import.meta.url)) {
  await runEntityChecksBench({ errors: process.argv.includes('--errors') });
}
