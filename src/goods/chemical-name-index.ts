/**
 * Finds catalog chemicals named in a description: whole names and synonyms in any word order,
 * written together or apart, in their spelling variants, and — only when nothing matches exactly
 * and no ordinary chemical's name explains the words — names one or two slips away.
 * Results are memoised per description, since order files repeat their product names.
 */
import type { ChemicalItem } from './catalog-schema.js';
import { asciiWords, type DescriptionReading, readDescription, spellingKey } from './description-text.js';
import { boundedEditDistance } from './name-distance.js';
import { ordinaryChemicalNames } from './ordinary-chemical-names.js';

export type NameMatchKind = 'exact' | 'word-order' | 'spelling' | 'near-miss';

export interface NameHit {
  item: ChemicalItem;
  /** The catalog name or synonym that matched. */
  name: string;
  /** The words of the description that matched it. */
  matched: string;
  kind: NameMatchKind;
  /** Edits between the two spellings (0 unless kind is near-miss). */
  distance: number;
  /** An abbreviation or a generic word (GBL, MEK, "ether"): needs the rest of the line to agree. */
  weak: boolean;
  /** The name is all the description's name words, not part of a longer name ("toluene diisocyanate"). */
  whole: boolean;
}

export interface DescriptionMatch {
  reading: DescriptionReading;
  /** Best hit per item, strongest first. */
  hits: NameHit[];
  /** An ordinary chemical's name found in the description (suppresses near-miss matching). */
  ordinaryName?: string;
}

type PlacedHit = Omit<NameHit, 'whole'> & { start: number; end: number };

interface NameEntry {
  item: ChemicalItem;
  name: string;
  tokens: number;
  weak: boolean;
  key: string;
}

/** Synonym cells that describe coverage ("… salts, optical isomers …"), not a name. */
const coverageText = /\b(salts|esters|isomers|acetals|amides|carbamates|halides)\b/i;
/** Longest name, in tokens, looked for. */
const MAX_NGRAM = 16;
/** Near-miss matching looks at word groups of at most this many tokens. */
const MAX_FUZZY_NGRAM = 16;

/** Edits accepted as a misspelling, by the length of the listed name's spelling key. */
function editBudget(keyLength: number): number {
  if (keyLength < 5) return 0;
  return keyLength < 9 ? 1 : 2;
}

function nameTokens(name: string): string[] {
  return readDescription(name).tokens;
}

const rank: Record<NameMatchKind, number> = { exact: 0, spelling: 1, 'word-order': 2, 'near-miss': 3 };

export class ChemicalNameIndex {
  private readonly exact = new Map<string, NameEntry[]>();
  private readonly sorted = new Map<string, NameEntry[]>();
  private readonly spelling = new Map<string, NameEntry[]>();
  private readonly fuzzy: NameEntry[] = [];
  private readonly ordinary = new Set<string>();
  private readonly memo = new Map<string, DescriptionMatch>();

  constructor(chemicals: readonly ChemicalItem[]) {
    for (const item of chemicals) {
      const names = [item.name, ...item.synonyms.filter((s) => !coverageText.test(s))];
      // A parenthesis is part of a systematic name ("4-(phenylamino)") or an aside ("(cis + trans)"):
      // the name is indexed with and without it.
      const written = names.flatMap((name) => (name.includes('(') ? [name, `\u0000${name}`] : [name]));
      for (const raw of written) {
        const aside = raw.startsWith('\u0000');
        const name = aside ? raw.slice(1) : raw;
        const tokens = nameTokens(aside ? name.replace(/\([^)]*\)/g, ' ') : name);
        if (tokens.length === 0) continue;
        const compact = tokens.join('');
        const weak = compact.length <= 5 || (tokens.length === 1 && /^[A-Z0-9-]+$/.test(name.trim()));
        const entry: NameEntry = { item, name, tokens: tokens.length, weak, key: spellingKey(compact) };
        add(this.exact, tokens.join(' '), entry);
        add(this.sorted, [...tokens].sort().join(' '), entry);
        add(this.spelling, entry.key, entry);
        if (!weak && editBudget(entry.key.length) > 0) this.fuzzy.push(entry);
      }
    }
    for (const name of ordinaryChemicalNames)
      this.ordinary.add(spellingKey(asciiWords(name).replace(/ /g, '')));
  }

  /**
   * @example
   * index.match('Acetic anhidride tech. 98 %').hits[0]; // { item: acetic anhydride, kind: 'spelling', … }
   */
  match(description: string): DescriptionMatch {
    const cached = this.memo.get(description);
    if (cached) return cached;
    const reading = readDescription(description);
    // Descriptions differing only in lot numbers or quantities share their name words.
    const wordsKey = `\u0000${reading.tokens.join(' ')}`;
    const byWords = this.memo.get(wordsKey);
    const found = byWords ?? this.compute(reading);
    if (this.memo.size >= 200_000) this.memo.clear();
    if (!byWords) this.memo.set(wordsKey, found);
    const result = { ...found, reading };
    this.memo.set(description, result);
    return result;
  }

  private compute(reading: DescriptionReading): DescriptionMatch {
    const t = reading.tokens;
    const raw: PlacedHit[] = [];
    // Spans of ordinary chemicals' names.
    const ordinarySpans: Array<[number, number]> = [];
    let ordinaryName: string | undefined;
    for (let i = 0; i < t.length; i++) {
      let compact = '';
      for (let j = i; j < Math.min(t.length, i + MAX_NGRAM); j++) {
        compact += t[j];
        const phrase = t.slice(i, j + 1);
        const matched = phrase.join(' ');
        const key = spellingKey(compact);
        for (const e of this.exact.get(matched) ?? [])
          raw.push({
            item: e.item,
            name: e.name,
            matched,
            kind: 'exact',
            distance: 0,
            weak: e.weak,
            start: i,
            end: j,
          });
        for (const e of this.spelling.get(key) ?? [])
          raw.push({
            item: e.item,
            name: e.name,
            matched,
            kind: 'spelling',
            distance: 0,
            weak: e.weak,
            start: i,
            end: j,
          });
        if (phrase.length > 1)
          for (const e of this.sorted.get([...phrase].sort().join(' ')) ?? [])
            raw.push({
              item: e.item,
              name: e.name,
              matched,
              kind: 'word-order',
              distance: 0,
              weak: e.weak,
              start: i,
              end: j,
            });
        if (this.ordinary.has(key)) {
          ordinaryName ??= matched;
          ordinarySpans.push([i, j]);
        }
      }
    }
    // A listed word inside a longer ordinary name ("ether" in "petroleum ether") is that name's.
    const kept = raw.filter(
      (h) => !ordinarySpans.some(([a, b]) => a <= h.start && h.end <= b && b - a > h.end - h.start),
    );
    // Near misses are looked for when no full name was found (an abbreviation alone does not count).
    if (!kept.some((h) => !h.weak)) this.nearMisses(t, ordinarySpans, kept);
    const best = new Map<string, NameHit>();
    for (const { start, end, ...placed } of kept) {
      const hit = { ...placed, whole: start === 0 && end === t.length - 1 };
      const held = best.get(hit.item.id);
      if (!held || stronger(hit, held) < 0) best.set(hit.item.id, hit);
    }
    // The longest name wins ("1-boc-4-piperidone" over the "4-piperidone" inside it), then the closest.
    const hits = [...best.values()].sort(stronger);
    return { reading, hits, ...(ordinaryName !== undefined ? { ordinaryName } : {}) };
  }

  /** Names one or two slips away, on word groups that no ordinary chemical's name accounts for. */
  private nearMisses(t: string[], ordinarySpans: ReadonlyArray<[number, number]>, out: PlacedHit[]): void {
    for (let i = 0; i < t.length; i++) {
      let compact = '';
      for (let j = i; j < Math.min(t.length, i + MAX_FUZZY_NGRAM); j++) {
        compact += t[j];
        // Words an ordinary chemical's name accounts for are not a slip of a listed name.
        if (ordinarySpans.some(([a, b]) => a <= i && j <= b)) continue;
        if (/^\d+$/.test(t[j]!)) continue;
        const key = spellingKey(compact);
        if (key.length < 5) continue;
        for (const e of this.fuzzy) {
          const budget = editBudget(e.key.length);
          if (Math.abs(e.key.length - key.length) > budget) continue;
          // A listed name with letters added or removed only at an end is another compound
          // (ethylamine / diethylamine), not a slip; one letter at an end is (piperidin, toluen).
          if (Math.abs(e.key.length - key.length) >= 2 && (key.includes(e.key) || e.key.includes(key)))
            continue;
          const d = boundedEditDistance(key, e.key, budget);
          if (d <= budget)
            out.push({
              item: e.item,
              name: e.name,
              matched: t.slice(i, j + 1).join(' '),
              kind: 'near-miss',
              distance: d,
              weak: false,
              start: i,
              end: j,
            });
        }
      }
    }
  }
}

/** Sort order of hits: the longest name first, then exact before variant spellings, then the closest. */
function stronger(a: NameHit, b: NameHit): number {
  return (
    b.matched.length - a.matched.length ||
    rank[a.kind] - rank[b.kind] ||
    a.distance - b.distance ||
    Number(a.weak) - Number(b.weak)
  );
}

function add(map: Map<string, NameEntry[]>, key: string, entry: NameEntry): void {
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (!list.some((e) => e.item.id === entry.item.id)) list.push(entry);
}
