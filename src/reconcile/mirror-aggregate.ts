/**
 * The aggregate mirror view: by country pair × HS6 × month, what each ledger declares in total and
 * how far the ratio of the two is from that country pair and HS6's own months, so an analyst sees
 * where to look before looking at records. Months are each side's own dates, so a shipment that
 * leaves on the 30th and arrives on the 5th moves value between neighbouring months; the baseline
 * absorbs the usual amount of that.
 */
import type { LedgerRecord } from './ledger-record.js';
import type { LedgerTable } from './ledger-table.js';
import { BASE_UNIT, type UnitDimension } from './quantity-units.js';
import type { ReconcileOptions } from './reconcile-options.js';
import { robustCentre } from './robust-baseline.js';

export interface MirrorCell {
  exporter_country: string;
  importer_country: string;
  hs6: string;
  month: string;
  export_records: number;
  import_records: number;
  /** Sum of FOB values (CIF converted), or null when the side mixes currencies. */
  export_value_fob: number | null;
  import_value_fob: number | null;
  export_currency: string;
  import_currency: string;
  export_quantity: number | null;
  import_quantity: number | null;
  unit: string;
  /** import / export FOB value; null when a side is missing or not comparable. */
  value_ratio: number | null;
  /** The median ratio of this country pair and HS6 over its months. */
  baseline_ratio: number | null;
  robust_z: number | null;
  flagged: boolean;
  /** Why flagged, in words. */
  note: string;
}

interface Side {
  records: number;
  value: number;
  currency: string;
  mixedCurrency: boolean;
  quantity: number;
  dimension: UnitDimension | '';
  mixedDimension: boolean;
}

const emptySide = (): Side => ({
  records: 0,
  value: 0,
  currency: '',
  mixedCurrency: false,
  quantity: 0,
  dimension: '',
  mixedDimension: false,
});

function add(side: Side, r: LedgerRecord, factor: number): void {
  side.records++;
  side.value += r.valueBasis === 'CIF' ? r.value / (1 + factor) : r.value;
  if (side.currency === '') side.currency = r.currency;
  else if (side.currency !== r.currency) side.mixedCurrency = true;
  side.quantity += r.baseQuantity;
  if (side.dimension === '') side.dimension = r.dimension;
  else if (side.dimension !== r.dimension) side.mixedDimension = true;
}

/**
 * @example
 * mirrorAggregate(exports, imports, 'US', 'MX', options).filter((c) => c.flagged);
 */
export function mirrorAggregate(
  exports: LedgerTable,
  imports: LedgerTable,
  exportCountry: string,
  importCountry: string,
  options: ReconcileOptions,
): MirrorCell[] {
  const cells = new Map<string, { key: [string, string, string, string]; e: Side; i: Side }>();
  const cellOf = (from: string, to: string, hs6: string, month: string) => {
    const key = `${from}|${to}|${hs6}|${month}`;
    let c = cells.get(key);
    if (!c) {
      c = { key: [from, to, hs6, month], e: emptySide(), i: emptySide() };
      cells.set(key, c);
    }
    return c;
  };
  for (let k = 0; k < exports.length; k++) {
    const r = exports.record(k);
    add(cellOf(exportCountry, r.country, r.hs6, r.date.slice(0, 7)).e, r, options.freightInsuranceFactor);
  }
  for (let k = 0; k < imports.length; k++) {
    const r = imports.record(k);
    add(cellOf(r.country, importCountry, r.hs6, r.date.slice(0, 7)).i, r, options.freightInsuranceFactor);
  }

  const rows: MirrorCell[] = [];
  const series = new Map<string, number[]>();
  for (const { key, e, i } of cells.values()) {
    const comparable =
      e.records > 0 && i.records > 0 && !e.mixedCurrency && !i.mixedCurrency && e.value > 0 && i.value > 0;
    const ratio = comparable ? i.value / e.value : null;
    const sameDimension =
      !e.mixedDimension &&
      !i.mixedDimension &&
      (e.dimension === i.dimension || e.records === 0 || i.records === 0);
    const dim = (e.dimension || i.dimension) as UnitDimension | '';
    rows.push({
      exporter_country: key[0],
      importer_country: key[1],
      hs6: key[2],
      month: key[3],
      export_records: e.records,
      import_records: i.records,
      export_value_fob: e.records > 0 && !e.mixedCurrency ? round(e.value) : null,
      import_value_fob: i.records > 0 && !i.mixedCurrency ? round(i.value) : null,
      export_currency: e.currency,
      import_currency: i.currency,
      export_quantity: e.records > 0 && sameDimension ? round(e.quantity) : null,
      import_quantity: i.records > 0 && sameDimension ? round(i.quantity) : null,
      unit: sameDimension && dim ? BASE_UNIT[dim] : '',
      value_ratio: ratio === null ? null : Math.round(ratio * 10000) / 10000,
      baseline_ratio: null,
      robust_z: null,
      flagged: false,
      note: '',
    });
    if (ratio !== null) {
      const s = `${key[0]}|${key[1]}|${key[2]}|${e.currency}/${i.currency}`;
      const list = series.get(s);
      if (list) list.push(Math.log(ratio));
      else series.set(s, [Math.log(ratio)]);
    }
  }
  const centres = new Map<string, { median: number; scale: number; n: number }>();
  for (const [k, list] of series) centres.set(k, { ...robustCentre(list), n: list.length });
  for (const row of rows) {
    if (row.value_ratio === null) {
      if (row.export_records > 0 && row.import_records === 0) {
        row.flagged = true;
        row.note = 'exports declared, no imports declared this month';
      } else if (row.import_records > 0 && row.export_records === 0) {
        row.flagged = true;
        row.note = 'imports declared, no exports declared this month';
      }
      continue;
    }
    const c = centres.get(
      `${row.exporter_country}|${row.importer_country}|${row.hs6}|${row.export_currency}/${row.import_currency}`,
    );
    if (!c || c.n < 3) {
      row.note = 'too few months for a baseline';
      continue;
    }
    row.baseline_ratio = Math.round(Math.exp(c.median) * 10000) / 10000;
    const z = (Math.log(row.value_ratio) - c.median) / Math.max(c.scale, options.minValueScale);
    row.robust_z = Math.round(z * 100) / 100;
    if (Math.abs(z) >= options.gapZ) {
      row.flagged = true;
      row.note = `imports ${z < 0 ? 'below' : 'above'} exports by more than this pair and HS6 usually show`;
    }
  }
  rows.sort((a, b) =>
    a.exporter_country !== b.exporter_country
      ? a.exporter_country.localeCompare(b.exporter_country)
      : a.importer_country !== b.importer_country
        ? a.importer_country.localeCompare(b.importer_country)
        : a.hs6 !== b.hs6
          ? a.hs6.localeCompare(b.hs6)
          : a.month.localeCompare(b.month),
  );
  return rows;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
