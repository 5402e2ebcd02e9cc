/**
 * Screening quality on the yente evaluation sets (benchmarks.md §1): recall of the true entity at
 * rank 1 and above threshold for UN positives (untreated, treated) and US-Congress positives, and
 * alerts per 1,000 synthetic negatives screened against SDN + UN + non-SDN.
 *
 * The positives files carry no entity ids. The true UN entity of a row is the UN entity holding
 * the row's untreated name (same tokens up to order and case), disambiguated by birth date; a
 * treated row has the truth of the untreated row on the same line (the files are aligned). The
 * US-Congress members are on none of our lists, so an in-memory list is built from that file's own
 * rows and screened together with SDN + UN + non-SDN, which supply the competing candidates.
 */
import type { Entity, PartyQuery, ScreeningMatch } from '../../src/core/index.js';
import {
  BatchScreeningPool,
  type BatchRowResult,
  createScreener,
  DEFAULT_THRESHOLD,
  reviewNormalisedName,
  type ScreeningList,
} from '../../src/screening/index.js';
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
  readYenteCsv,
  sample,
  screenerOverAllLists,
  type YenteRow,
  yenteQuery,
} from './screening-bench-data.js';

interface Positive {
  query: PartyQuery;
  truth: { list: string; entityId: string };
}

/** Maps each untreated row to its UN entity; rows with no or an ambiguous entity are left out (and counted). */
function resolveUnTruth(
  un: ScreeningList,
  untreated: YenteRow[],
): { truths: Array<string | undefined>; unresolved: number } {
  const byName = new Map<string, Entity[]>();
  for (const entity of un.entities) {
    for (const name of entity.names) {
      const key = reviewNormalisedName(name.full);
      const held = byName.get(key);
      if (!held) byName.set(key, [entity]);
      else if (!held.includes(entity)) held.push(entity);
    }
  }
  let unresolved = 0;
  const truths = untreated.map((row) => {
    let found = byName.get(reviewNormalisedName(row.full_name)) ?? [];
    if (found.length > 1 && row.date_of_birth) {
      const sameBirth = found.filter((e) =>
        e.birthDates.some((d) => d.startsWith(row.date_of_birth) || row.date_of_birth.startsWith(d)),
      );
      if (sameBirth.length) found = sameBirth;
    }
    if (found.length !== 1) {
      unresolved++;
      return undefined;
    }
    return found[0]!.id;
  });
  return { truths, unresolved };
}

function recallAtRankOne(results: ScreeningMatch[][], positives: Positive[]): number {
  let hits = 0;
  results.forEach((matches, i) => {
    const top = matches[0];
    const truth = positives[i]!.truth;
    if (top?.match && top.list === truth.list && top.entityId === truth.entityId) hits++;
  });
  return positives.length ? hits / positives.length : Number.NaN;
}

function congressList(rows: YenteRow[]): ScreeningList {
  return {
    list: 'us-congress-from-eval-file',
    version: 'bench',
    entities: rows.map((row, i) => ({
      id: `congress-${i}`,
      schema: 'Person',
      names: [{ full: row.full_name, kind: 'primary' }],
      addresses: [],
      birthDates: /^\d{4}/.test(row.date_of_birth) ? [row.date_of_birth] : [],
      birthPlaces: [],
      nationalities: [],
      countries: [],
      identifiers: [],
      programs: [],
      links: [],
      attributes: {},
    })),
  };
}

function matchesOf(results: BatchRowResult[]): ScreeningMatch[][] {
  return results.map((r) => ('matches' in r ? r.matches : []));
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const lists = await loadSanctionsLists();
  const threshold = DEFAULT_THRESHOLD;
  log(`recall-and-alerts: threshold ${threshold}${options.quick ? ' (quick mode: samples)' : ''}`);

  const untreated = readYenteCsv('positives_un_untreated.csv');
  const treated = readYenteCsv('positives_un_treated.csv');
  if (lists.un) {
    const { truths, unresolved } = resolveUnTruth(lists.un, untreated);
    const screener = createScreener([lists.un]);
    for (const [label, rows, target] of [
      ['UN untreated', untreated, 0.99],
      ['UN treated', treated, 0.95],
    ] as const) {
      let positives: Positive[] = rows.flatMap((row, i) =>
        truths[i]
          ? [{ query: yenteQuery(row, `un-${i}`), truth: { list: lists.un!.list, entityId: truths[i]! } }]
          : [],
      );
      if (options.quick) positives = sample(positives, 150);
      const results = positives.map((p) => screener.screen(p.query, { threshold, limit: 5 }));
      const recall = recallAtRankOne(results, positives);
      figures.push({
        name: `${label}: recall@1 above threshold`,
        value: recall,
        unit: '',
        target: `>= ${target}`,
        ok: check(recall, '>=', target),
        note: `${positives.length} rows; ${unresolved} rows without a unique UN entity left out`,
      });
    }
  } else {
    figures.push({
      name: 'UN positives',
      value: undefined,
      unit: '',
      target: '>= 0.99 / 0.95',
      note: 'UN list not loaded',
    });
  }

  // The congress list is screened beside the real lists: results of two screeners merged by score
  // are those of one screener over both (best alias per entity, best first), without a second
  // build of the real lists' index.
  const congressRows = readYenteCsv('positives_us_congress_untreated.csv');
  const congress = congressList(congressRows);
  let congressPositives: Positive[] = congressRows.map((row, i) => ({
    query: yenteQuery(row, `congress-${i}`),
    truth: { list: congress.list, entityId: `congress-${i}` },
  }));
  if (options.quick) congressPositives = sample(congressPositives, 200);
  const congressScreener = createScreener([congress]);
  const realScreener = await screenerOverAllLists();
  const congressRecall = recallAtRankOne(
    congressPositives.map((p) =>
      [
        ...congressScreener.screen(p.query, { threshold, limit: 5 }),
        ...realScreener.screen(p.query, { threshold, limit: 5 }),
      ].sort((a, b) => b.score - a.score),
    ),
    congressPositives,
  );
  figures.push({
    name: 'US-Congress untreated: recall@1 above threshold',
    value: congressRecall,
    unit: '',
    target: '>= 0.99',
    ok: check(congressRecall, '>=', 0.99),
    note: `${congressPositives.length} rows; list built from the file itself, screened with ${presentLists(lists).length} real lists`,
  });

  const negativeRows = [...readYenteCsv('negatives_global.csv'), ...readYenteCsv('negatives_us.csv')];
  const negatives = (options.quick ? sample(negativeRows, 2000) : negativeRows).map((row, i) =>
    yenteQuery(row, `neg-${i}`),
  );
  const realLists = presentLists(lists);
  const started = performance.now();
  let results: ScreeningMatch[][];
  if (options.quick) {
    results = negatives.map((q) => realScreener.screen(q, { threshold, limit: 3 }));
  } else {
    const pool = await BatchScreeningPool.start(realLists, { workers: 2 });
    results = matchesOf(await pool.screenAll(negatives, { threshold, limit: 3 }));
    await pool.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const alerts = results.filter((m) => m.some((x) => x.match)).length;
  const perThousand = (alerts * 1000) / negatives.length;
  figures.push({
    name: 'negatives: alerts per 1,000 names',
    value: perThousand,
    unit: '',
    target: '<= 5',
    ok: check(perThousand, '<=', 5),
    note: `${alerts} alerts / ${negatives.length} names vs ${realLists.map((l) => `${l.list} (${l.entities.length})`).join(' + ')}${lists.missing.length ? `; missing: ${lists.missing.join('; ')}` : ''}; ${seconds.toFixed(1)} s`,
  });
  if (process.env.BENCH_SHOW_ALERTS) {
    results.forEach((m, i) => {
      const top = m.find((x) => x.match);
      if (top)
        log(
          `alert: ${negatives[i]!.name} -> ${top.list}:${top.entityId} ${top.matchedAlias} ${top.score.toFixed(3)}`,
        );
    });
  }
  return figures;
}

if (isMain(import.meta.url)) {
  const figures = await run(parseBenchArgs());
  process.stdout.write(formatFigures('Screening recall and alerts', figures));
}
