/** Small hand-made declarations and KCS CSV text for the targeting tests (invented values). */
import { type Declaration, dayNumber } from '../declaration.js';

/**
 * A declaration with plausible defaults; override what the test is about.
 * @example declaration({ importer: 'IMP1', date: '2020-01-02', fraud: 1 })
 */
export function declaration(
  over: Partial<Omit<Declaration, 'labels'>> & { fraud?: 0 | 1; critical?: 0 | 1 | 2 } = {},
): Declaration {
  const { fraud, critical, ...rest } = over;
  const date = rest.date ?? '2020-01-01';
  const d: Declaration = {
    id: 'D1',
    date,
    day: dayNumber(date)!,
    office: '30',
    processType: 'B',
    importType: '11',
    importUse: '21',
    paymentType: '11',
    transportMode: '10',
    declarant: 'DECL1',
    importer: 'IMP1',
    seller: 'SELL1',
    courier: '',
    hs6: '440890',
    departureCountry: 'BE',
    originCountry: 'BE',
    taxRate: 8,
    taxType: 'A',
    originIndicator: 'G',
    netMassKg: 100,
    value: 10_000,
    description: '',
    source: { file: 'test', line: 2 },
    ...rest,
  };
  d.day = dayNumber(d.date)!;
  if (fraud !== undefined) d.labels = { fraud, critical: critical ?? (fraud ? 1 : 0) };
  return d;
}

export const kcsHeader =
  'Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud';

/**
 * A KCS CSV of `n` invented declarations over `days` days in which fraud follows a few learnable
 * patterns (some importers, one HS code, under-valued prices), seeded so it is the same every run.
 */
export function syntheticKcsCsv(n: number, days: number, seed = 1, labels = true): string {
  let state = seed;
  const rand = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const lines = [labels ? kcsHeader : kcsHeader.split(',').slice(0, 20).join(',')];
  for (let i = 0; i < n; i++) {
    const day = Math.floor((i / n) * days);
    const date = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
    const importer = `IMP${Math.floor(rand() * 40)}`;
    const hs6 = ['440890', '690722', '620822', '940350', '851712'][Math.floor(rand() * 5)]!;
    const mass = Math.round(rand() * 1000 + 10);
    const badImporter = Number(importer.slice(3)) % 5 === 0;
    const fraud =
      (badImporter && rand() < 0.8) || (hs6 === '851712' && rand() < 0.5) || rand() < 0.05 ? 1 : 0;
    const price = Math.round(mass * (fraud ? 40 : 60) * (0.5 + rand()));
    const critical = fraud && rand() < 0.1 ? 2 : fraud;
    const row = [
      `${100000 + i}`,
      date,
      ['30', '40', '20'][i % 3],
      'B',
      '11',
      '21',
      '11',
      '40',
      `DEC${i % 7}`,
      importer,
      i % 4 === 0 ? '' : `SEL${Math.floor(rand() * 30)}`,
      '',
      hs6,
      'CN',
      rand() < 0.2 ? 'VN' : 'CN',
      '8.0',
      'A',
      'Y',
      String(mass),
      String(price),
    ];
    if (labels) row.push(String(fraud), String(critical));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
