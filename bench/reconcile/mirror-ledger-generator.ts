/**
 * A seeded generator of mirrored export and import ledgers (US exporters → Mexican importers) with
 * the noise real mirror records carry — lags of days to weeks, kg vs g vs t, FOB vs CIF with a
 * freight factor that varies by shipment, peso-denominated imports, party spellings and legal-form
 * variants, tariff codes at national detail, shipments split on arrival and consolidated — and
 * planted diversion with labels: never imported, never exported, quantity gaps, value gaps,
 * end-user mismatches, re-routing through hubs. Synthetic: every party is invented.
 */
import { seededRandom } from '../../src/core/index.js';
import type { GapKind } from '../../src/reconcile/index.js';

export interface GeneratorOptions {
  seed: number;
  /** Export shipments to generate (the import ledger ends up about the same size). */
  shipments: number;
  /** Share of shipments carrying each planted kind. */
  plantRate?: number;
}

export interface PlantedCase {
  kind: GapKind;
  exportIds: string[];
  importIds: string[];
}

export interface GeneratedLedgers {
  exportsCsv: string;
  importsCsv: string;
  exportRows: number;
  importRows: number;
  planted: PlantedCase[];
  /** Record ids touched by a planted case (the rest are clean). */
  plantedRecordIds: Set<string>;
  /** The true export(s) behind each import (none for imports never exported). */
  exportsOfImport: Map<string, string[]>;
}

const EXPORT_HEADER =
  'record_id,date,exporter,importer,end_user,destination_country,via_countries,hs_code,eccn,description,quantity,unit,value,currency,value_basis';
const IMPORT_HEADER =
  'record_id,date,importer,exporter,origin_country,hs_code,description,quantity,unit,value,currency,value_basis';

interface Product {
  hs: string;
  mxHs: string;
  eccn: string;
  description: string;
  dimension: 'count' | 'mass' | 'volume';
  unitPrice: number;
  /** Typical quantity per shipment (base unit). */
  size: number;
}

const products: Product[] = [
  {
    hs: '8542310001',
    mxHs: '85423101',
    eccn: '3A090',
    description: 'GPU accelerator modules',
    dimension: 'count',
    unitPrice: 25_000,
    size: 40,
  },
  {
    hs: '8471500150',
    mxHs: '84715001',
    eccn: '4A090',
    description: 'AI training servers',
    dimension: 'count',
    unitPrice: 250_000,
    size: 4,
  },
  {
    hs: '8473301180',
    mxHs: '84733099',
    eccn: '',
    description: 'computer parts',
    dimension: 'count',
    unitPrice: 120,
    size: 800,
  },
  {
    hs: '8542310040',
    mxHs: '85423199',
    eccn: '',
    description: 'microcontrollers',
    dimension: 'count',
    unitPrice: 3,
    size: 20_000,
  },
  {
    hs: '2915240000',
    mxHs: '29152401',
    eccn: '',
    description: 'acetic anhydride',
    dimension: 'mass',
    unitPrice: 1.4,
    size: 12_000,
  },
  {
    hs: '2933370000',
    mxHs: '29333701',
    eccn: '',
    description: 'N-phenethyl-4-piperidone',
    dimension: 'mass',
    unitPrice: 90,
    size: 50,
  },
  {
    hs: '2814100000',
    mxHs: '28141001',
    eccn: '',
    description: 'anhydrous ammonia',
    dimension: 'mass',
    unitPrice: 0.6,
    size: 20_000,
  },
  {
    hs: '2905110000',
    mxHs: '29051101',
    eccn: '',
    description: 'methanol',
    dimension: 'volume',
    unitPrice: 0.5,
    size: 18_000,
  },
  {
    hs: '8708995500',
    mxHs: '87089999',
    eccn: '',
    description: 'auto parts',
    dimension: 'count',
    unitPrice: 35,
    size: 3_000,
  },
  {
    hs: '3004909250',
    mxHs: '30049099',
    eccn: '',
    description: 'medicaments',
    dimension: 'mass',
    unitPrice: 40,
    size: 900,
  },
  {
    hs: '9403600000',
    mxHs: '94036099',
    eccn: '',
    description: 'wooden furniture',
    dimension: 'count',
    unitPrice: 180,
    size: 300,
  },
  {
    hs: '3926909990',
    mxHs: '39269099',
    eccn: '',
    description: 'plastic articles',
    dimension: 'mass',
    unitPrice: 4,
    size: 5_000,
  },
];

const usFirst = [
  'Acme',
  'Summit',
  'Pioneer',
  'Keystone',
  'Redwood',
  'Harbor',
  'Granite',
  'Silverline',
  'Bluewater',
  'Ironbridge',
  'Northstar',
  'Cascade',
  'Frontier',
  'Liberty',
  'Evergreen',
  'Meridian',
  'Orchard',
  'Prairie',
  'Beacon',
  'Crestview',
  'Falcon',
  'Juniper',
  'Lakeshore',
  'Maple',
  'Oakridge',
  'Quarry',
  'Riverside',
  'Sterling',
  'Timber',
  'Westfield',
];
const usSecond = [
  'Chips',
  'Semiconductor',
  'Chemical',
  'Compute',
  'Industries',
  'Systems',
  'Supply',
  'Manufacturing',
  'Logistics',
  'Devices',
  'Materials',
  'Components',
  'Solutions',
  'Technologies',
  'Labs',
];
const usForms = [
  ['Inc.', 'Inc', 'INC.', 'Incorporated'],
  ['LLC', 'L.L.C.', 'llc'],
  ['Corp.', 'Corporation', 'CORP'],
];
const mxFirst = [
  'Nube',
  'Centro',
  'Grupo',
  'Distribuidora',
  'Comercializadora',
  'Servicios',
  'Tecnologías',
  'Química',
  'Industrias',
  'Logística',
  'Almacenes',
  'Importadora',
  'Soluciones',
  'Proveedora',
  'Corporativo',
];
const mxSecond = [
  'Datos',
  'Cómputo',
  'Azteca',
  'del Bajío',
  'Regiomontana',
  'Tapatía',
  'del Golfo',
  'Peninsular',
  'Sonorense',
  'Queretana',
  'Occidente',
  'Pacífico',
  'Norteña',
  'Mexiquense',
  'Potosina',
  'Hidalguense',
  'Poblana',
  'Veracruzana',
  'Duranguense',
  'Chihuahuense',
];
const mxThird = ['', 'Avanzada', 'Industrial', 'Integral', 'Moderna', 'Global', 'Central', 'Digital'];
const mxForms = [
  ['S.A. de C.V.', 'SA DE CV', 'S.A. DE C.V.', 'SA de CV'],
  ['S. de R.L. de C.V.', 'S DE RL DE CV', 'S. DE R.L. DE C.V.'],
  ['S.A.P.I. de C.V.', 'SAPI DE CV'],
];
const hubs = ['AE', 'HK', 'SG', 'PA'];

/**
 * @example
 * const g = generateMirrorLedgers({ seed: 7, shipments: 1000 });
 * g.planted.filter((p) => p.kind === 'never-imported').length; // about 10
 */
export function generateMirrorLedgers(options: GeneratorOptions): GeneratedLedgers {
  const rand = seededRandom(options.seed);
  const rate = options.plantRate ?? 0.01;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const uniform = (a: number, b: number) => a + (b - a) * rand();
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

  // Parties: distinct names the matcher keeps apart (no shared distinctive word).
  const exporterCount = Math.min(usFirst.length * usSecond.length, 20 + Math.floor(options.shipments / 2500));
  const importerCount = Math.min(
    mxFirst.length * mxSecond.length * mxThird.length,
    30 + Math.floor(options.shipments / 800),
  );
  const exporters = distinctNames(exporterCount, () => [pick(usFirst), pick(usSecond)], usForms, pick);
  const importers = distinctNames(
    importerCount,
    () => [pick(mxFirst), pick(mxSecond), pick(mxThird)],
    mxForms,
    pick,
  );

  interface Relation {
    exporter: number;
    importer: number;
    product: Product;
    pesos: boolean;
  }
  const relationCount = Math.max(10, Math.floor(options.shipments / 60));
  const relations: Relation[] = [];
  for (let k = 0; k < relationCount; k++)
    relations.push({
      exporter: Math.floor(rand() * exporters.length),
      importer: Math.floor(rand() * importers.length),
      product: pick(products),
      pesos: rand() < 0.15,
    });

  const exportLines: string[] = [EXPORT_HEADER];
  const importLines: string[] = [IMPORT_HEADER];
  const planted: PlantedCase[] = [];
  const touched = new Set<string>();
  const truth = new Map<string, string[]>();
  const start = Date.UTC(2025, 0, 1) / 86_400_000;
  let importSeq = 0;
  const nextImportId = () => `IM-${String(++importSeq).padStart(8, '0')}`;
  const plant = (kind: GapKind, e: string[], i: string[]) => {
    planted.push({ kind, exportIds: e, importIds: i });
    for (const x of [...e, ...i]) touched.add(x);
  };
  const pendingConsolidation = new Map<number, { id: string; day: number; qty: number; fob: number }>();

  function writeImport(
    exportIds: string[],
    rel: Relation,
    exportDay: number,
    q: number,
    value: number,
    via: string,
    origin?: string,
  ): string[] {
    const p = rel.product;
    const importId = nextImportId();
    let lag = Math.round(Math.exp(uniform(Math.log(2), Math.log(40))));
    if (rand() < 0.01) lag = -Math.floor(uniform(1, 4));
    if (via) lag += Math.floor(uniform(5, 20));
    const [unit, shown] = importQuantity(q, p.dimension, rand);
    const freight = uniform(0.03, 0.18);
    const cif = rand() < 0.8;
    let declared = cif ? value * (1 + freight) : value;
    let currency = 'USD';
    if (rel.pesos) {
      currency = 'MXN';
      declared *= 17.5 + 1.5 * Math.sin(((exportDay - start) / 365) * 2 * Math.PI) + 0.2 * normal();
    }
    importLines.push(
      csvLine([
        importId,
        isoDate(exportDay + lag),
        spell(importers[rel.importer]!, pick, rand),
        spell(exporters[rel.exporter]!, pick, rand),
        origin ?? (rand() < 0.9 ? 'US' : 'USA'),
        rand() < 0.5 ? p.mxHs : `${p.mxHs.slice(0, 4)}.${p.mxHs.slice(4, 6)}.${p.mxHs.slice(6)}`,
        p.description,
        shown,
        unit,
        declared.toFixed(2),
        currency,
        cif ? 'CIF' : 'FOB',
      ]),
    );
    truth.set(importId, exportIds);
    return [importId];
  }

  for (let s = 0; s < options.shipments; s++) {
    const relIndex = Math.floor(rand() * relations.length);
    const rel = relations[relIndex]!;
    const p = rel.product;
    const exporter = exporters[rel.exporter]!;
    const importer = importers[rel.importer]!;
    const id = `EX-${String(s + 1).padStart(8, '0')}`;
    const day = start + Math.floor(rand() * 365);
    const qty = roundQuantity(p.size * Math.exp(0.6 * normal()), p.dimension);
    const unitPrice = p.unitPrice * Math.exp(0.1 * normal());
    const fob = Math.round(qty * unitPrice * 100) / 100;

    const roll = rand();
    const kind: GapKind | 'clean' =
      roll < rate
        ? 'never-imported'
        : roll < 2 * rate
          ? 'quantity-gap'
          : roll < 3 * rate
            ? 'value-gap'
            : roll < 3.5 * rate
              ? 'end-user-mismatch'
              : roll < 4 * rate
                ? 're-routing'
                : 'clean';

    let endUser = rand() < 0.3 ? '' : spell(importer, pick, rand);
    if (kind === 'end-user-mismatch') {
      let other = rel.importer;
      while (other === rel.importer) other = Math.floor(rand() * importers.length);
      endUser =
        rand() < 0.5
          ? spell(importers[other]!, pick, rand)
          : `${pick(['Residencial', 'Bodega', 'Casa'])} ${pick(['Lomas', 'Jardines', 'Alamos', 'Cumbres'])} ${Math.floor(rand() * 900 + 100)}`;
    }
    const via = kind === 're-routing' ? pick(hubs) : '';
    const exportUnit = p.dimension === 'count' ? 'units' : p.dimension === 'mass' ? 'kg' : 'l';
    exportLines.push(
      csvLine([
        id,
        isoDate(day),
        spell(exporter, pick, rand),
        spell(importer, pick, rand),
        endUser,
        rand() < 0.9 ? 'MX' : 'MEX',
        via,
        rand() < 0.5 ? p.hs : `${p.hs.slice(0, 4)}.${p.hs.slice(4, 6)}.${p.hs.slice(6)}`,
        p.eccn,
        p.description,
        String(qty),
        exportUnit,
        fob.toFixed(2),
        'USD',
        'FOB',
      ]),
    );
    if (kind === 'never-imported') {
      plant(kind, [id], []);
      continue;
    }

    // Consolidation: a second shipment of the same relation within a week may share one import.
    const pending = pendingConsolidation.get(relIndex);
    if (kind === 'clean' && pending && day - pending.day >= 0 && day - pending.day <= 6 && rand() < 0.5) {
      pendingConsolidation.delete(relIndex);
      writeImport([pending.id, id], rel, day, pending.qty + qty, pending.fob + fob, '');
      continue;
    }
    if (kind === 'clean' && rand() < 0.04) {
      // Held for consolidation with the relation's next shipment; written alone if none comes.
      const previous = pendingConsolidation.get(relIndex);
      if (previous) writeImport([previous.id], rel, previous.day, previous.qty, previous.fob, '');
      pendingConsolidation.set(relIndex, { id, day, qty, fob });
      continue;
    }
    if (kind === 'clean' && rand() < 0.05 && qty >= 2) {
      // Split on arrival into two import declarations.
      const share = uniform(0.3, 0.7);
      const q1 = Math.min(
        roundQuantity(qty * share, p.dimension),
        p.dimension === 'count' ? qty - 1 : qty * 0.9,
      );
      writeImport([id], rel, day, q1, fob * (q1 / qty), '');
      writeImport([id], rel, day + Math.floor(uniform(0, 5)), qty - q1, fob * (1 - q1 / qty), '');
      continue;
    }
    let iq = qty;
    let ifob = fob;
    if (kind === 'quantity-gap') {
      const f = uniform(0.5, 0.85);
      iq = roundQuantity(qty * f, p.dimension);
      ifob = fob * (iq / qty);
    }
    if (kind === 'value-gap') ifob = fob * (rand() < 0.7 ? uniform(0.45, 0.75) : uniform(1.35, 2));
    const importIds = writeImport(
      [id],
      rel,
      day,
      iq,
      ifob,
      via,
      kind === 're-routing' && rand() < 0.5 ? via : undefined,
    );
    if (kind !== 'clean') plant(kind, [id], importIds);
  }
  for (const [relIndex, pending] of pendingConsolidation)
    writeImport([pending.id], relations[relIndex]!, pending.day, pending.qty, pending.fob, '');

  // Imports with no export behind them.
  const unexported = Math.round(options.shipments * rate * 0.5);
  for (let k = 0; k < unexported; k++) {
    const rel = pick(relations);
    const p = rel.product;
    const importId = nextImportId();
    const qty = roundQuantity(p.size * Math.exp(0.6 * normal()), p.dimension);
    const [unit, shown] = importQuantity(qty, p.dimension, rand);
    importLines.push(
      csvLine([
        importId,
        isoDate(start + Math.floor(rand() * 365)),
        spell(importers[rel.importer]!, pick, rand),
        spell(exporters[rel.exporter]!, pick, rand),
        'US',
        p.mxHs,
        p.description,
        shown,
        unit,
        (qty * p.unitPrice * 1.08).toFixed(2),
        rel.pesos ? 'MXN' : 'USD',
        'CIF',
      ]),
    );
    plant('never-exported', [], [importId]);
  }
  return {
    exportsCsv: `${exportLines.join('\n')}\n`,
    importsCsv: `${importLines.join('\n')}\n`,
    exportRows: exportLines.length - 1,
    importRows: importLines.length - 1,
    planted,
    plantedRecordIds: touched,
    exportsOfImport: truth,
  };
}

/** A party: its words and its legal-form family (each family's spellings are variants). */
interface PartyName {
  words: string[];
  forms: string[];
}

function distinctNames(
  count: number,
  words: () => string[],
  forms: string[][],
  pick: <T>(list: readonly T[]) => T,
): PartyName[] {
  const out: PartyName[] = [];
  const seen = new Set<string>();
  // Two parties may share one word but never the two leading ones.
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const w = words().filter((x) => x !== '');
    const key = w.slice(0, 2).join(' ').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ words: w, forms: pick(forms) });
  }
  return out;
}

/** One way a ledger clerk may write the party: case, accents, legal-form spelling, a typo. */
function spell(party: PartyName, pick: <T>(list: readonly T[]) => T, rand: () => number): string {
  let name = party.words.join(' ');
  const r = rand();
  if (r < 0.15) name = name.toUpperCase();
  else if (r < 0.3) name = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (rand() < 0.03) {
    // One transposed letter in the longest word.
    const words = name.split(' ');
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    const at = 1 + Math.floor(rand() * (longest.length - 3));
    const typo = longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2);
    name = words.map((w) => (w === longest ? typo : w)).join(' ');
  }
  const form = pick(party.forms);
  return rand() < 0.3 ? `${name}, ${form}` : `${name} ${form}`;
}

function roundQuantity(q: number, dimension: string): number {
  if (dimension === 'count') return Math.max(1, Math.round(q));
  return Math.max(0.1, Math.round(q * 10) / 10);
}

/** The importer's unit: kg, g or t for mass, l or ml for volume, units or pieces for counts. */
function importQuantity(q: number, dimension: string, rand: () => number): [string, string] {
  const r = rand();
  if (dimension === 'mass') {
    if (r < 0.2) return ['g', String(Math.round(q * 1000))];
    if (r < 0.3 && q >= 1000) return ['t', (q / 1000).toFixed(4)];
    return ['kg', String(Math.round(q * 10) / 10)];
  }
  if (dimension === 'volume') return r < 0.2 ? ['ml', String(Math.round(q * 1000))] : ['l', String(q)];
  return [r < 0.5 ? 'pcs' : 'units', String(q)];
}

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}
