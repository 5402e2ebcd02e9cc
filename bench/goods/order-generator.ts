/**
 * A seeded generator of labelled order lines for the goods benchmark: months of ordinary traffic
 * from established buyers (ordinary chemicals, some named like listed ones, laptops, monitors,
 * graphics cards that are not controlled accelerators, and regulated chemicals bought properly)
 * with planted cases for every rule — misspelt names, synonyms, salts and mixtures, dash-less
 * CAS numbers, wrong check digits, split orders across a month boundary or under two spellings.
 * Each planted line carries the rule it was planted for; everything else is benign.
 */
import type { ChemicalItem, GoodsCatalog } from '../../src/goods/index.js';
import { seededRandom } from '../../src/core/index.js';

export interface GeneratedLine {
  line_id: string;
  date: string;
  seller: string;
  buyer: string;
  buyer_address: string;
  buyer_country: string;
  consignee: string;
  ship_to_country: string;
  via_countries: string;
  origin_country: string;
  description: string;
  cas: string;
  hs_code: string;
  quantity: string;
  unit: string;
  permit_ref: string;
}

export interface PlantedCase {
  rule: string;
  lineIds: string[];
  /** How the case was written, e.g. 'misspelt-name', 'dashless-cas', 'two-spellings'. */
  tags: string[];
}

export interface GeneratedOrders {
  lines: GeneratedLine[];
  cases: PlantedCase[];
  refusals: Array<{ date: string; seller: string; buyer: string; item: string; reason: string }>;
}

/** Ordinary goods: [description, CAS, HS, unit]. Several are named a letter or two from a listed chemical. */
const ordinaryGoods: Array<[string, string, string, string]> = [
  ['Ethyl acetate 99.5%', '141-78-6', '2915.31', 'kg'],
  ['Acetic acid glacial', '64-19-7', '2915.21', 'kg'],
  ['Methanol', '67-56-1', '2905.11', 'l'],
  ['Isopropyl alcohol 99%', '67-63-0', '2905.12', 'l'],
  ['Xylene mixed isomers', '1330-20-7', '2902.44', 'kg'],
  ['Citric acid anhydrous', '77-92-9', '2918.14', 'kg'],
  ['Sodium hydroxide pearls', '1310-73-2', '2815.12', 'kg'],
  ['Hydrogen peroxide 35%', '7722-84-1', '2847.00', 'kg'],
  ['Glycerine USP', '56-81-5', '2905.45', 'kg'],
  ['Titanium dioxide rutile', '13463-67-7', '2823.00', 'kg'],
  ['Propylene glycol', '57-55-6', '2905.32', 'kg'],
  ['Nitric acid 68%', '7697-37-2', '2808.00', 'kg'],
  ['Phosphoric acid 85%', '7664-38-2', '2809.20', 'kg'],
  ['Acetonitrile HPLC grade', '75-05-8', '2926.90', 'l'],
  ['Pyridine', '110-86-1', '2933.31', 'kg'],
  ['Morpholine', '110-91-8', '2934.99', 'kg'],
  ['Dimethylamine 40% solution', '124-40-3', '2921.11', 'kg'],
  ['Monoethanolamine', '141-43-5', '2922.11', 'kg'],
  ['Benzoic acid', '65-85-0', '2916.31', 'kg'],
  ['Acetophenone', '98-86-2', '2914.39', 'kg'],
  ['Nitromethane 99%', '75-52-5', '2904.20', 'kg'],
  ['Benzoyl chloride', '98-88-4', '2916.32', 'kg'],
  ['Triethylamine', '121-44-8', '2921.19', 'kg'],
  ['Diethylamine', '109-89-7', '2921.12', 'kg'],
  ['Piperazine anhydrous', '110-85-0', '2933.59', 'kg'],
  ['Potassium iodide', '7681-11-0', '2827.60', 'kg'],
  ['Sodium hypochlorite 12%', '7681-52-9', '2828.90', 'kg'],
  ['Diisopropyl ether', '108-20-3', '2909.19', 'l'],
  ['Toluene diisocyanate', '584-84-9', '2929.10', 'kg'],
  ['Acetone cyanohydrin', '75-86-5', '2926.90', 'kg'],
  ['Methyl benzoate', '93-58-3', '2916.31', 'kg'],
  ['Benzylamine', '100-46-9', '2921.49', 'kg'],
  ['Sodium sulfate anhydrous', '7757-82-6', '2833.11', 'kg'],
  ['Calcium carbonate precipitated', '471-34-1', '2836.50', 'kg'],
  ['Ethylene glycol', '107-21-1', '2905.31', 'kg'],
  ['Polyethylene granules', '', '3901.10', 'kg'],
  ['Industrial degreaser', '', '3402.90', 'l'],
  ['Laptop computer Dell Latitude 5440', '', '8471.30', 'pcs'],
  ['Lenovo ThinkPad T14 notebook', '', '8471.30', 'pcs'],
  ['Samsung 27in LED monitor', '', '8528.52', 'pcs'],
  ['LG UltraGear 32 inch monitor', '', '8528.52', 'pcs'],
  ['NVIDIA GeForce RTX 4060 graphics card', '', '8473.30', 'pcs'],
  ['NVIDIA RTX A2000 12GB', '', '8473.30', 'pcs'],
  ['AMD Radeon RX 7800 XT', '', '8473.30', 'pcs'],
  ['Intel Xeon Silver 4410Y processor', '', '8542.31', 'pcs'],
  ['Supermicro 2U storage server', '', '8471.50', 'pcs'],
  ['Cisco Catalyst 9200 switch', '', '8517.62', 'pcs'],
];

/** Regulated chemicals bought properly by established buyers (domestic, under no cumulative rule). */
const properlyBought: Array<[string, string, string]> = [
  ['Acetone technical grade', '67-64-1', '2914.11'],
  ['Toluene', '108-88-3', '2902.30'],
  ['Methyl ethyl ketone', '78-93-3', '2914.12'],
  ['Sulfuric acid 98%', '7664-93-9', '2807.00'],
  ['Hydrochloric acid 33%', '7647-01-0', '2806.10'],
];

const harmless: Array<[string, string]> = [
  ['Industrial cleaning agent', '3402.90'],
  ['Drying agent for piglets', '2309.90'],
  ['Food flavouring', '2106.90'],
  ['Organic fertilizer', '3105.90'],
  ['Pigment paste', '3204.17'],
  ['Chemical preparation n.e.s.', '3824.99'],
];

const firstWords = [
  'Quimica',
  'Industrias',
  'Pinturas',
  'Laboratorios',
  'Farmaceutica',
  'Alimentos',
  'Plasticos',
  'Textiles',
  'Grupo',
  'Comercializadora',
  'Distribuidora',
  'Agroquimicos',
];
const secondWords = [
  'Azteca',
  'del Norte',
  'Pacifico',
  'Sierra Madre',
  'Bajio',
  'Occidente',
  'Golfo',
  'Anahuac',
  'Maya',
  'Huasteca',
  'Lerma',
  'Tula',
  'Jalisco',
  'Sonora',
  'Coahuila',
  'Veracruz',
  'Toluca',
  'Puebla',
  'Oaxaca',
  'Yucatan',
];
const legalForms = ['SA de CV', 'S.A. de C.V.', 'S de RL de CV', 'SAPI de CV'];
const cities = [
  'Monterrey',
  'Guadalajara',
  'Toluca',
  'Leon',
  'Puebla',
  'Queretaro',
  'Tijuana',
  'Merida',
  'Saltillo',
  'Culiacan',
];
const sellers = [
  'Quimicos Globales SA',
  'Reactivos Sur SA',
  'Hangzhou Fine Chemical Co Ltd',
  'Rotterdam Chemicals BV',
  'Gulf Coast Solvents LLC',
  'Mumbai Organics Pvt Ltd',
];
const sellerCountry: Record<string, string> = {
  'Quimicos Globales SA': 'MX',
  'Reactivos Sur SA': 'MX',
  'Hangzhou Fine Chemical Co Ltd': 'CN',
  'Rotterdam Chemicals BV': 'NL',
  'Gulf Coast Solvents LLC': 'US',
  'Mumbai Organics Pvt Ltd': 'IN',
};
const chipModels = [
  'NVIDIA H100 SXM5 80GB',
  'NVIDIA A100 PCIe 40GB',
  'H800 GPU module',
  'NVIDIA H-100 PCIe',
  'AMD Instinct MI300X',
  'NVIDIA L40S 48GB',
  'DGX H100 system',
  'NVIDIA HGX H200 8-GPU board',
];
/** Parties from the sample watchlist (data/sample), written as an order clerk might. */
const watchlisted = [
  'Cartel de Sinaloa',
  'Morexpress SA de CV',
  'ILC Exportaciones S de RL de CV',
  'Establo Puerto Rico SA de CV',
];

interface Buyer {
  names: string[];
  sites: string[];
  country: string;
}

/**
 * @example
 * const { lines, cases } = generateOrders(catalog, { seed: 7, benignLines: 100_000 });
 */
export function generateOrders(
  catalog: GoodsCatalog,
  options: { seed: number; benignLines: number; casesPerRule: number },
): GeneratedOrders {
  const rnd = seededRandom(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const lines: GeneratedLine[] = [];
  const cases: PlantedCase[] = [];
  const refusals: GeneratedOrders['refusals'] = [];
  let n = 0;
  const start = Date.UTC(2026, 0, 1);
  const dayOf = (d: number) => new Date(start + d * 86_400_000).toISOString().slice(0, 10);
  const DAYS = 120; // four months

  const buyers: Buyer[] = [];
  const usedNames = new Set<string>();
  const thirdWords = ['', 'Industrial', 'Internacional', 'Mexicana', 'Integral', 'Especializada'];
  // 12 × 20 × 6 names: 300 distinct ones are always found.
  while (buyers.length < 300) {
    const base = `${pick(firstWords)} ${pick(secondWords)} ${pick(thirdWords)}`.trim();
    if (usedNames.has(base)) continue;
    usedNames.add(base);
    const lf = pick(legalForms);
    buyers.push({
      names: [`${base} ${lf}`],
      sites: [
        `Av. ${pick(secondWords)} ${int(1, 999)}, ${pick(cities)}`,
        `Calle ${int(1, 99)} No. ${int(1, 500)}, ${pick(cities)}`,
      ],
      country: 'MX',
    });
  }
  const line = (fields: Partial<GeneratedLine> & { buyer: string; description: string }): GeneratedLine => {
    n++;
    const seller = fields.seller ?? pick(sellers);
    const l: GeneratedLine = {
      line_id: `O${String(n).padStart(7, '0')}`,
      date: dayOf(int(0, DAYS - 1)),
      seller,
      buyer_address: '',
      buyer_country: 'MX',
      consignee: fields.buyer,
      ship_to_country: 'MX',
      via_countries: '',
      origin_country: sellerCountry[seller] ?? 'MX',
      cas: '',
      hs_code: '',
      quantity: String(int(1, 40) * 25),
      unit: 'kg',
      permit_ref: '',
      ...fields,
    };
    lines.push(l);
    return l;
  };

  // Ordinary traffic: established buyers, from the first week on.
  for (let i = 0; i < options.benignLines; i++) {
    // Every established buyer orders in the first week, so none is new later on.
    const b = i < buyers.length ? buyers[i]! : pick(buyers);
    const day = i < buyers.length ? int(0, 6) : int(0, DAYS - 1);
    if (rnd() < 0.06) {
      const [description, cas, hs] = pick(properlyBought);
      line({
        buyer: b.names[0]!,
        buyer_address: pick(b.sites),
        description,
        cas,
        hs_code: hs,
        seller: pick(sellers.slice(0, 2)),
        date: dayOf(day),
        quantity: String(int(1, 8) * 20),
        unit: 'kg',
      });
    } else {
      const [description, cas, hs, unit] = pick(ordinaryGoods);
      line({
        buyer: b.names[0]!,
        buyer_address: pick(b.sites),
        description,
        cas: rnd() < 0.7 ? cas : '',
        hs_code: hs,
        date: dayOf(day),
        unit,
        quantity: unit === 'pcs' ? String(int(1, 50)) : String(int(1, 40) * 25),
      });
    }
  }

  // Planted cases.
  const listed = catalog.chemicals.filter(
    (c) => c.us.list === 'I' || c.us.list === 'II' || c.un.table !== 'none',
  );
  const withCas = listed.filter((c) => c.cas.length > 0);
  const names = (c: ChemicalItem) => [
    c.name,
    ...c.synonyms.filter(
      (s) => !/\b(salts|esters|isomers|acetals|amides|carbamates|halides)\b/i.test(s) && s.length > 5,
    ),
  ];
  const variant = (c: ChemicalItem): { text: string; tag: string } => {
    const base = pick(names(c));
    const r = rnd();
    if (r < 0.3 && base.length >= 8) return { text: misspell(base, rnd), tag: 'misspelt-name' };
    if (r < 0.4 && c.coverage.includes('salts')) return { text: `${base} hydrochloride`, tag: 'salt' };
    if (r < 0.5) return { text: `${base} ${int(20, 60)}% solution`, tag: 'mixture' };
    if (r < 0.6) return { text: `${base} technical grade ${int(95, 99)} %`, tag: 'grade' };
    if (r < 0.7 && base.includes(' '))
      return { text: base.split(' ').reverse().join(' '), tag: 'word-order' };
    return { text: base, tag: base === c.name ? 'name' : 'synonym' };
  };
  const casText = (c: ChemicalItem): { cas: string; tag: string } => {
    if (!c.cas.length || rnd() < 0.35) return { cas: '', tag: 'no-cas' };
    return rnd() < 0.5
      ? { cas: c.cas[0]!.replace(/-/g, ''), tag: 'dashless-cas' }
      : { cas: c.cas[0]!, tag: 'cas' };
  };
  const plant = (rule: string, made: GeneratedLine[], tags: string[]) =>
    cases.push({ rule, lineIds: made.map((l) => l.line_id), tags });
  const established = () => pick(buyers);
  const late = () => int(45, DAYS - 1);

  for (let k = 0; k < options.casesPerRule; k++) {
    // missing-permit: a listed chemical (or an AI accelerator) crossing a border without a permit.
    {
      const c = pick(listed);
      const v = variant(c);
      const cs = casText(c);
      const b = established();
      const l = line({
        buyer: b.names[0]!,
        buyer_address: b.sites[0]!,
        description: v.text,
        cas: cs.cas,
        hs_code: rnd() < 0.5 ? (c.hs[0] ?? '') : '',
        seller: pick(sellers.slice(2)),
        date: dayOf(late()),
      });
      plant('missing-permit', [l], [v.tag, cs.tag]);
      const chip = line({
        buyer: `${pick(['Shenzhen', 'Hong Kong', 'Moscow'])} ${pick(['Data', 'Cloud', 'Compute'])} ${pick(['Technology', 'Systems', 'Solutions'])} Ltd`,
        description: pick(chipModels),
        hs_code: pick(['8473.30', '8471.50', '']),
        seller: 'Gulf Coast Solvents LLC',
        origin_country: 'US',
        buyer_country: 'CN',
        ship_to_country: 'CN',
        unit: 'pcs',
        quantity: String(int(4, 64)),
        date: dayOf(late()),
      });
      plant('missing-permit', [chip], ['dual-use']);
    }
    // misdeclaration: a listed CAS under a harmless description; a listed name under a harmless HS.
    {
      const c = pick(withCas);
      const [desc, hs] = pick(harmless);
      const cs = rnd() < 0.5 ? c.cas[0]!.replace(/-/g, '') : c.cas[0]!;
      const b = established();
      const a = line({
        buyer: b.names[0]!,
        description: desc,
        cas: cs,
        hs_code: hs,
        permit_ref: `P-${int(1000, 9999)}`,
        date: dayOf(late()),
      });
      plant('misdeclaration', [a], ['listed-cas-harmless-name', cs.includes('-') ? 'cas' : 'dashless-cas']);
      const d = pick(withCas.filter((x) => x.hs.length));
      const [, hs2] = pick(harmless);
      const e = line({
        buyer: b.names[0]!,
        description: pick(names(d)),
        cas: '',
        hs_code: hs2,
        permit_ref: `P-${int(1000, 9999)}`,
        date: dayOf(late()),
      });
      plant('misdeclaration', [e], ['listed-name-harmless-hs']);
      const chip = line({
        buyer: b.names[0]!,
        description: pick(chipModels.slice(0, 6)),
        hs_code: pick(['8528.52', '8517.62']),
        permit_ref: `L-${int(1000, 9999)}`,
        unit: 'pcs',
        quantity: String(int(2, 16)),
        date: dayOf(late()),
      });
      plant('misdeclaration', [chip], ['dual-use']);
    }
    // cas-check-digit: a listed chemical's CAS with its check digit altered.
    {
      const c = pick(withCas);
      const good = c.cas[0]!;
      const wrong = `${good.slice(0, -1)}${(Number(good.slice(-1)) + int(1, 9)) % 10}`;
      const b = established();
      const l = line({
        buyer: b.names[0]!,
        description: rnd() < 0.5 ? pick(harmless)[0] : pick(names(c)),
        cas: rnd() < 0.5 ? wrong.replace(/-/g, '') : wrong,
        permit_ref: `P-${int(1000, 9999)}`,
        date: dayOf(late()),
      });
      plant('cas-check-digit', [l], ['wrong-check-digit']);
    }
    // transshipment: listed item with its permit, shipped elsewhere, via third countries or free zones, to a forwarder.
    {
      const c = pick(listed);
      const v = variant(c);
      const b = established();
      const r = rnd();
      const fields: Partial<GeneratedLine> =
        r < 0.33
          ? { ship_to_country: pick(['GT', 'BZ', 'HN']), via_countries: '' }
          : r < 0.66
            ? { via_countries: pick(['PA', 'AE;PA', 'BE;PA']) }
            : {
                consignee: pick([
                  'Rapid Freight Logistics SA',
                  'Almacenes Zona Libre de Colon',
                  'TransGlobal Cargo Forwarding',
                ]),
              };
      const l = line({
        buyer: b.names[0]!,
        description: v.text,
        cas: casText(c).cas,
        permit_ref: `P-${int(1000, 9999)}`,
        seller: pick(sellers.slice(2)),
        date: dayOf(late()),
        ...fields,
      });
      plant('transshipment', [l], [v.tag]);
    }
    // controlled-elsewhere: listed in the US only, exported from the US to Mexico; or proposed for listing.
    {
      const usOnly = listed.filter((c) => c.un.table === 'none' && c.eu.category === 'none');
      const c =
        rnd() < 0.7 ? pick(usOnly) : pick(catalog.chemicals.filter((x) => x.us.list === 'proposed-I'));
      const v = variant(c);
      const b = established();
      const l = line({
        buyer: b.names[0]!,
        description: v.text,
        cas: casText(c).cas,
        permit_ref: `P-${int(1000, 9999)}`,
        seller: 'Gulf Coast Solvents LLC',
        origin_country: 'US',
        date: dayOf(late()),
      });
      plant('controlled-elsewhere', [l], [v.tag]);
    }
    // party-risk: a watchlisted buyer; a first-time buyer of a regulated item.
    {
      const c = pick(listed);
      const l = line({
        buyer: pick(watchlisted),
        description: pick(names(c)),
        cas: c.cas[0] ?? '',
        permit_ref: `P-${int(1000, 9999)}`,
        date: dayOf(late()),
      });
      plant('party-risk', [l], ['watchlisted']);
      const fresh = `${pick(['Nova', 'Prime', 'Delta', 'Orion', 'Vertex'])} ${pick(['Quimicos', 'Reactivos', 'Solventes'])} ${int(100, 999)} SA de CV`;
      const m = line({
        buyer: fresh,
        description: pick(names(c)),
        cas: c.cas[0] ?? '',
        permit_ref: `P-${int(1000, 9999)}`,
        date: dayOf(late()),
      });
      plant('party-risk', [m], ['first-time-buyer']);
    }
    // company-shopping: refused by one seller, bought from another.
    {
      const c = pick(withCas);
      const b = established();
      const refusedDay = late() - 10;
      const refusedBy = pick(sellers.slice(0, 2));
      refusals.push({
        date: dayOf(refusedDay),
        seller: refusedBy,
        buyer: b.names[0]!,
        item: rnd() < 0.5 ? c.cas[0]! : c.name,
        reason: 'end use not documented',
      });
      const other = sellers.find((s) => s !== refusedBy)!;
      const l = line({
        buyer: b.names[0]!,
        description: pick(names(c)),
        cas: c.cas[0]!,
        seller: other,
        permit_ref: `P-${int(1000, 9999)}`,
        date: dayOf(refusedDay + int(1, 9)),
      });
      plant('company-shopping', [l], []);
    }
    // split-order: small domestic lines of one buyer, two spellings and two sites, in a month or across its end.
    {
      const candidates = listed.filter(
        (c) =>
          c.us.threshold &&
          !c.us.threshold.anyQuantity &&
          c.us.threshold.domestic?.kg &&
          c.us.threshold.domestic.kg >= 0.5 &&
          c.us.threshold.domesticCumulative !== false,
      );
      const c = pick(candidates);
      const limit = c.us.threshold!.domestic!.kg!;
      const b = established();
      const spelling2 = respell(b.names[0]!, rnd);
      const parts = int(2, 4);
      const each = (limit * (1.1 + rnd() * 0.5)) / parts;
      if (each >= limit) continue;
      const across = rnd() < 0.5;
      const month = int(0, 2);
      const first = across
        ? Date.UTC(2026, month + 1, 1) / 86_400_000 - start / 86_400_000 - int(3, 8)
        : Date.UTC(2026, month, int(2, 8)) / 86_400_000 - start / 86_400_000;
      const made: GeneratedLine[] = [];
      for (let p = 0; p < parts; p++) {
        const day = across
          ? first + Math.round((p * int(10, 20)) / Math.max(1, parts - 1))
          : first + p * int(2, 6);
        made.push(
          line({
            buyer: p % 2 ? spelling2 : b.names[0]!,
            buyer_address: b.sites[p % 2]!,
            description: pick(names(c)),
            cas: c.cas[0] ?? '',
            seller: pick(sellers.slice(0, 2)),
            origin_country: 'MX',
            quantity: each.toFixed(2),
            unit: 'kg',
            date: dayOf(day),
          }),
        );
      }
      plant('split-order', made, [across ? 'month-boundary' : 'calendar-month', 'two-spellings']);
    }
  }
  lines.sort((a, b) => a.date.localeCompare(b.date) || a.line_id.localeCompare(b.line_id));
  return { lines, cases, refusals };
}

/** One slip inside a name: a letter dropped, doubled, swapped or replaced by a neighbour vowel. */
function misspell(name: string, rnd: () => number): string {
  for (let attempt = 0; attempt < 10; attempt++) {
    const i = 2 + Math.floor(rnd() * (name.length - 4));
    const ch = name[i]!;
    if (!/[a-z]/i.test(ch) || !/[a-z]/i.test(name[i + 1] ?? '')) continue;
    const r = rnd();
    let out: string;
    if (r < 0.3) out = name.slice(0, i) + name.slice(i + 1);
    else if (r < 0.5) out = name.slice(0, i) + ch + name.slice(i);
    else if (r < 0.75) out = name.slice(0, i) + name[i + 1] + ch + name.slice(i + 2);
    else {
      const swap: Record<string, string> = { a: 'e', e: 'a', i: 'y', y: 'i', o: 'u', u: 'o', s: 'z', c: 'k' };
      out = name.slice(0, i) + (swap[ch.toLowerCase()] ?? 'e') + name.slice(i + 1);
    }
    if (out !== name) return out;
  }
  return name;
}

/** Another way an order clerk writes the same company: case, punctuation of the legal form, accents. */
function respell(name: string, rnd: () => number): string {
  const r = rnd();
  if (r < 0.33) return name.toUpperCase();
  if (r < 0.66)
    return name
      .replace('SA de CV', 'S.A. DE C.V.')
      .replace('S.A. de C.V.', 'SA DE CV')
      .replace('S de RL de CV', 'S. de R.L. de C.V.')
      .replace('SAPI de CV', 'S.A.P.I. de C.V.');
  return name.replace('Quimica', 'Química').replace(' de CV', ', de C.V.').replace('Pacifico', 'Pacífico');
}
