/**
 * Scale (benchmarks.md §2): a generated list of 1,000,000 aliases, built from name parts drawn
 * from the real lists' person tokens with a seeded RNG, then indexed and queried: build time,
 * memory, single-query p50/p99. Queries are half perturbed list names (a dropped or swapped
 * token, one typo) and half names made of the same parts that were never listed.
 */
import { type Entity, type PartyQuery, seededRandom } from '../../src/core/index.js';
import { createScreener, DEFAULT_THRESHOLD } from '../../src/screening/index.js';
import {
  type BenchOptions,
  check,
  type Figure,
  formatFigures,
  isMain,
  loadSanctionsLists,
  log,
  parseBenchArgs,
  percentile,
  presentLists,
  rssMb,
} from './screening-bench-data.js';

function nameParts(entities: Entity[]): string[] {
  const parts = new Set<string>();
  for (const e of entities) {
    if (e.schema !== 'Person') continue;
    for (const n of e.names)
      for (const t of n.full.split(/[\s,]+/)) if (/^[A-Za-z'-]{3,}$/.test(t)) parts.add(t.toUpperCase());
  }
  return [...parts];
}

function typo(token: string, random: () => number): string {
  if (token.length < 5) return token;
  const i = 1 + Math.floor(random() * (token.length - 2));
  return token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
}

export async function run(options: BenchOptions): Promise<Figure[]> {
  const aliasTarget = options.quick ? 20_000 : 1_000_000;
  const lists = await loadSanctionsLists();
  const parts = nameParts(presentLists(lists).flatMap((l) => l.entities));
  const random = seededRandom(20260227);
  const pick = () => parts[Math.floor(random() * parts.length)]!;
  const aliasesPerEntity = 2;
  const entities: Entity[] = [];
  for (let i = 0; i < aliasTarget / aliasesPerEntity; i++) {
    const given = [pick(), ...(random() < 0.4 ? [pick()] : [])];
    const family = [pick(), ...(random() < 0.5 ? [pick()] : [])];
    entities.push({
      id: `gen-${i}`,
      schema: 'Person',
      names: [
        { full: `${family.join(' ')}, ${given.join(' ')}`, kind: 'primary' },
        { full: `${given[0]} ${family[0]}`, kind: 'strong' },
      ],
      addresses: [],
      birthDates: [],
      birthPlaces: [],
      nationalities: [],
      countries: [],
      identifiers: [],
      programs: [],
      links: [],
      attributes: {},
    });
  }
  log(`million-aliases: ${parts.length} name parts, ${entities.length} entities generated`);
  const screener = createScreener([{ list: 'generated', version: '1', entities }]);
  const rssAfter = rssMb();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

  const queries: PartyQuery[] = [];
  for (let i = 0; i < 2000; i++) {
    if (i % 2 === 0) {
      const e = entities[Math.floor(random() * entities.length)]!;
      const tokens = e.names[0]!.full.replace(',', '').split(' ');
      const k = Math.floor(random() * tokens.length);
      tokens[k] = typo(tokens[k]!, random);
      queries.push({ id: `q${i}`, name: tokens.reverse().join(' '), schema: 'Person' });
    } else {
      queries.push({ id: `q${i}`, name: `${pick()} ${pick()} ${pick()}`, schema: 'Person' });
    }
  }
  for (const q of queries.slice(0, 200)) screener.screen(q, { threshold: DEFAULT_THRESHOLD });
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (const q of queries) {
    const t0 = performance.now();
    screener.screen(q, { threshold: DEFAULT_THRESHOLD });
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const meanCpuMs = (cpu.user + cpu.system) / 1000 / queries.length;
  times.sort((a, b) => a - b);
  const label = `${aliasTarget.toLocaleString('en')} aliases`;
  return [
    {
      name: `${label}: index build`,
      value: screener.buildMs / 1000,
      unit: 's',
      target: '',
      note: `${screener.aliasCount} aliases`,
    },
    {
      name: `${label}: resident memory`,
      value: rssAfter,
      unit: 'MB',
      target: '<= 1024',
      ok: check(rssAfter, '<=', 1024),
      note: `whole process after the build; heap used ${Math.round(heapMb)} MB`,
    },
    {
      name: `${label}: query p50`,
      value: percentile(times, 50),
      unit: 'ms',
      target: '',
      note: `${queries.length} queries; mean CPU ${meanCpuMs.toFixed(3)} ms per query`,
    },
    { name: `${label}: query p99`, value: percentile(times, 99), unit: 'ms', target: '' },
  ];
}

if (isMain(import.meta.url)) {
  const figures = await run(parseBenchArgs());
  process.stdout.write(formatFigures('Screening at 1,000,000 aliases', figures));
}
