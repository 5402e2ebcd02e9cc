/**
 * Converts the public early-warning data in ../shared/data/earlywarning into Sentinela report CSVs
 * (`date,region,substance,count,quantity,unit,source`) for `sentinela warning run`. Writes to a
 * directory outside the repository (the data stay in ../shared).
 * Usage: npx tsx bench/warning/real-data-reports.ts [OUTDIR]   (default /tmp/sentinela-real-data)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sharedDataPath } from '../shared-data-path.js';
import { csvLine } from '../../src/input/index.js';

const data = sharedDataPath('earlywarning');
const out = process.argv[2] ?? '/tmp/sentinela-real-data';
mkdirSync(out, { recursive: true });

function write(name: string, rows: (string | number)[][]): void {
  const header = 'date,region,substance,count,quantity,unit,source';
  writeFileSync(join(out, name), `${[header, ...rows.map((r) => csvLine(r))].join('\n')}\n`);
  process.stderr.write(`${join(out, name)}: ${rows.length} reports\n`);
}
function read(path: string): Record<string, string>[] {
  return parse(readFileSync(join(data, path)), { columns: true, bom: true }) as Record<string, string>[];
}

// UNODC: one report per country × drug × year row (several rows per key are summed by aggregation).
write(
  'unodc-seizures.csv',
  read('unodc-drug-seizures-2018-2022/drug_seizures_2018_2022.csv')
    .filter((r) => r.drug_name && r.ms_code && r.reference_year)
    .map((r) => [
      `${r.reference_year}-01-01`,
      r.ms_code!,
      r.drug_name!,
      1,
      r.kilograms || '',
      r.kilograms ? 'kg' : '',
      'seizure',
    ]),
);

// CDC VSRR: 12-month-ending death counts; a month's value / 12 is the average monthly count over the
// preceding year (smoothed and autocorrelated — see docs). National = sum of reporting jurisdictions.
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
write(
  'cdc-overdose.csv',
  read('cdc-vsrr-overdose-2015-2018/VSRR_Provisional_Drug_Overdose_Death_Counts.csv')
    .filter(
      (r) =>
        /\(T4[03]\.\d\)$/.test(r.Indicator ?? '') &&
        !r.Indicator!.startsWith('Opioids') &&
        r.State !== 'US' &&
        r['Data Value'],
    )
    .map((r) => {
      const m = String(months.indexOf(r.Month!) + 1).padStart(2, '0');
      return [
        `${r.Year}-${m}-01`,
        r.State!,
        r.Indicator!,
        Math.round(Number(r['Data Value']) / 12),
        '',
        '',
        'toxicology',
      ];
    }),
);

// NYC drug checking: lab-confirmed positives per month among samples sold as opioids.
const monthIndex = (s: string) =>
  String(
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(s) + 1,
  ).padStart(2, '0');
write(
  'nyc-drug-checking.csv',
  read('nyc-drug-checking/data_multipanel_positivity.csv').flatMap((r) => {
    const [mon, year] = r.yr_mo!.split(' ') as [string, string];
    const date = `${year}-${monthIndex(mon)}-01`;
    return [
      [date, 'NYC', 'fentanyl', Number(r.Total_Lab_Fent_Pos), '', '', 'drug-checking'],
      [date, 'NYC', 'xylazine', Number(r.Total_Lab_Xyl_Pos), '', '', 'drug-checking'],
      [date, 'NYC', 'medetomidine', Number(r.Total_Lab_Med_Pos), '', '', 'drug-checking'],
    ];
  }),
);

// UNC StreetSafe: the lab's "first detected" list (a new-substance alert feed of its own).
const mon3 = (s: string) =>
  `${s.slice(5, 9)}-${monthIndex(s.slice(2, 3).toUpperCase() + s.slice(3, 5))}-${s.slice(0, 2)}`;
write(
  'streetsafe-first-detected.csv',
  read('unc-streetsafe-drug-checking/recentlydetected.csv').map((r) => [
    mon3(r.first_detected!),
    'US',
    r.substance!,
    1,
    '',
    '',
    'drug-checking',
  ]),
);
