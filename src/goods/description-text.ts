/**
 * Reads the free-text description of an order line the way a compliance officer would: the
 * chemical's name with grade words ("technical grade", "ACS"), packaging, salt and hydrate words
 * and concentrations set aside, so "Ephedrine HCl USP 99 % 25 kg drum" is read as ephedrine, a
 * salt form, at 99 %. Tokens are lower-case ASCII letters and digits.
 */

/** Words that describe grade, purity or packaging: never part of a name. */
const gradeAndPackaging = new Set(
  (
    'technical tech grade reagent acs usp bp ep jp nf fcc pharma pharmaceutical industrial lab laboratory ' +
    'analytical pure purity min assay high extra ultra hplc gc food synthesis quality premium standard ' +
    'drum drums bag bags ibc tote totes bottle bottles can cans pail pails jerrican carboy cylinder cylinders ' +
    'box boxes pack packs sack sacks container containers bulk of x the and with for kg kgs g mg l ml lt ' +
    'lb lbs gal gallon gallons litre litres liter liters ton tons tonne tonnes mt pcs net gross approx ' +
    'lot batch no nr'
  ).split(' '),
);

/** Words naming a salt or hydrate form: the entry's coverage decides whether the salt is listed. */
export const saltWords = new Set(
  (
    'hydrochloride hydrobromide hydroiodide sulfate sulphate hemisulfate bisulfate tartrate bitartrate ' +
    'citrate maleate fumarate oxalate mesylate salt salts hydrate monohydrate dihydrate trihydrate ' +
    'hemihydrate sesquihydrate hcl'
  ).split(' '),
);

/** Words that say the goods are a mixture or solution rather than the substance itself. */
const mixtureWords = new Set(
  'solution mixture blend aqueous aq diluted dilution preparation formulation'.split(' '),
);

export interface DescriptionReading {
  /** Name tokens in order, grade/packaging/salt/mixture words and percentages removed. */
  tokens: string[];
  /** Salt or hydrate words found, e.g. ['hydrochloride']. */
  saltWords: string[];
  /** The stated concentration or purity, in percent, when one is written. */
  percent?: number;
  /** Mixture words were written ("solution", "in water", "blend"). */
  mixtureWords: boolean;
}

const percentPattern = /(\d{1,3}(?:[.,]\d{1,3})?)\s*(?:%|pct\b|percent\b|per\s+cent\b)/i;

/** An amount with its unit ("25 kg", "4 x 200 l"): packaging, not part of a name. */
const amountPattern =
  /\b\d+(?:[.,]\d+)?\s*(?:x\s*\d+(?:[.,]\d+)?\s*)?(?:kgs?|g|mg|l|ml|lt|lbs?|gal|gallons?|t|mt|tons?|tonnes?|litres?|liters?|pcs)\b/gi;

/** Lower case, accents removed, every run of other characters a single space. */
export function asciiWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * @example
 * readDescription('Ephedrine HCl USP 99 % 25 kg drum');
 * // { tokens: ['ephedrine'], saltWords: ['hcl'], percent: 99, mixtureWords: false }
 */
export function readDescription(description: string): DescriptionReading {
  let percent: number | undefined;
  const p = percentPattern.exec(description);
  if (p) {
    const v = Number(p[1]!.replace(',', '.'));
    if (v > 0 && v <= 100) percent = v;
  }
  const withoutPercent = (p ? description.replace(percentPattern, ' ') : description).replace(
    amountPattern,
    ' ',
  );
  const tokens: string[] = [];
  const salts: string[] = [];
  let mixture = /\bin\s+water\b|\bw\/w\b/i.test(description);
  for (const word of asciiWords(withoutPercent).split(' ')) {
    if (word === '') continue;
    if (gradeAndPackaging.has(word)) continue;
    // Quantities glued to units ("25kg", "200l") and bare numbers of 3+ digits are not name parts.
    if (/^\d+(kg|g|mg|l|ml|lb|lbs|gal|t|mt)$/.test(word) || /^\d{3,}$/.test(word)) continue;
    if (saltWords.has(word)) {
      salts.push(word);
      continue;
    }
    if (mixtureWords.has(word)) {
      mixture = true;
      continue;
    }
    if (word === 'in' || word === 'water') continue;
    tokens.push(word);
  }
  return { tokens, saltWords: salts, ...(percent !== undefined ? { percent } : {}), mixtureWords: mixture };
}

/**
 * The spelling key of a compact name: spelling variants that do not change the name (ph/f,
 * th/t, y/i, k/c, sulph/sulf, doubled letters) fold together, so "efedrine" and "ephedrine",
 * "sulphuric" and "sulfuric", "toluen" and "toluene" meet or sit one edit apart.
 *
 * @example
 * spellingKey('pseudoefedrine') === spellingKey('pseudoephedrine'); // true
 */
export function spellingKey(compact: string): string {
  const s = compact.replace(/ph/g, 'f').replace(/th/g, 't').replace(/y/g, 'i').replace(/k/g, 'c');
  let out = '';
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) out += s[i];
  return out;
}
