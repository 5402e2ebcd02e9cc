/**
 * The parties named in both ledgers, compared with the screening engine's name matcher: each
 * distinct spelling is prepared once, spellings that the matcher calls the same party (case,
 * accents, legal forms such as S.A. de C.V. / SA DE CV, Inc. / Incorporated, typos) share a
 * cluster, and scores are cached per pair of canonical keys, so a million rows cost one
 * comparison per distinct pair of names rather than per row.
 */
import { DEFAULT_THRESHOLD, type PreparedName, prepareName, scoreNames } from '../screening/index.js';

export class PartyDirectory {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  /** Canonical key index per name id (spellings the normaliser makes identical share one). */
  private readonly keyOf: number[] = [];
  private readonly keys: string[] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly prepared: PreparedName[] = [];
  private parent: Int32Array = new Int32Array(0);
  private readonly scores = new Map<number, number>();
  private resolved = false;
  /** Written words already judged distinctive (or a legal form / particle). */
  private readonly distinctiveWords = new Map<string, boolean>();

  /** @param threshold the matcher score from which two spellings are one party */
  constructor(readonly threshold = DEFAULT_THRESHOLD) {}

  /**
   * The id of a spelling (interned).
   *
   * @example
   * const d = new PartyDirectory();
   * d.id('Nube Datos S.A. de C.V.'); d.id('NUBE DATOS SA DE CV'); d.resolve();
   * d.sameParty(0, 1); // true
   */
  id(raw: string): number {
    let id = this.ids.get(raw);
    if (id !== undefined) return id;
    id = this.names.length;
    this.ids.set(raw, id);
    this.names.push(raw);
    const prepared = prepareName(raw);
    const key = prepared.keyTokens.length > 0 ? prepared.keyTokens.join(' ') : raw.trim().toLowerCase();
    let k = this.keyIds.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.keyIds.set(key, k);
      this.keys.push(key);
      this.prepared.push(prepared);
    }
    this.keyOf.push(k);
    this.resolved = false;
    return id;
  }

  name(id: number): string {
    return this.names[id]!;
  }

  get size(): number {
    return this.names.length;
  }

  /** Groups the canonical keys into parties: keys sharing a rare word or sound are scored. */
  resolve(): void {
    const n = this.keys.length;
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    const postings = new Map<string, number[]>();
    for (let k = 0; k < n; k++) {
      const p = this.prepared[k]!;
      const words = new Set<string>();
      p.keyTokens.forEach((t, i) => {
        words.add(`w:${t}`);
        if (p.phonetic[i]) words.add(`p:${p.phonetic[i]}`);
        for (const d of oneDeletions(t)) words.add(`d:${d}`);
      });
      if (p.joined) words.add(`j:${p.joined}`);
      for (const raw of this.rawWords(k)) {
        words.add(`r:${raw}`);
        for (const d of oneDeletions(raw)) words.add(`r:${d}`);
      }
      for (const w of words) {
        let list = postings.get(w);
        if (!list) {
          list = [];
          postings.set(w, list);
        }
        list.push(k);
      }
    }
    // Candidates share a word or a sound with the key; only those sharing two (one, for a
    // one-word name) are scored, so generic words ("grupo", "del Golfo") do not cost a
    // comparison with every name that has them.
    const shared = new Int32Array(n);
    const sharedRaw = new Int32Array(n);
    const stamp = new Int32Array(n).fill(-1);
    let stampNow = 0;
    const touched: number[] = [];
    for (let k = 0; k < n; k++) {
      const p = this.prepared[k]!;
      // One group of candidate lists per word (its spelling and its sound) and one for the joined name.
      const groups: number[][][] = [];
      for (let i = 0; i < p.keyTokens.length; i++) {
        const group: number[][] = [];
        const a = postings.get(`w:${p.keyTokens[i]}`);
        if (a) group.push(a);
        const b = postings.get(`p:${p.phonetic[i]}`);
        if (b && b !== a) group.push(b);
        // A clerk's typo (a letter swapped, doubled, dropped or wrong) changes the word and often
        // its sound, but the two spellings still share a one-letter deletion.
        for (const d of oneDeletions(p.keyTokens[i]!)) {
          const c = postings.get(`d:${d}`);
          if (c) group.push(c);
        }
        groups.push(group);
      }
      const j = postings.get(`j:${p.joined}`);
      if (j) groups.push([j]);
      const needed = p.keyTokens.length > 1 ? 2 : 1;
      // The same, over the words as written: the normaliser may read a word and its misspelling
      // differently (one translated, the other not), while the written words are one typo apart.
      const raw = this.rawWords(k);
      const rawGroups: number[][][] = raw.map((w) => {
        const group: number[][] = [];
        for (const d of [w, ...oneDeletions(w)]) {
          const c = postings.get(`r:${d}`);
          if (c) group.push(c);
        }
        return group;
      });
      const rawNeeded = Math.min(2, raw.length);
      touched.length = 0;
      const count = (groupsOf: number[][][], counter: Int32Array): void => {
        for (const group of groupsOf) {
          stampNow++;
          for (const list of group)
            for (const c of list) {
              if (c >= k) break;
              if (stamp[c] === stampNow) continue;
              stamp[c] = stampNow;
              if (shared[c] === 0 && sharedRaw[c] === 0) touched.push(c);
              counter[c]!++;
            }
        }
      };
      count(groups, shared);
      count(rawGroups, sharedRaw);
      for (const c of touched) {
        const enough = shared[c]! >= needed || (rawNeeded > 0 && sharedRaw[c]! >= rawNeeded);
        shared[c] = 0;
        sharedRaw[c] = 0;
        if (!enough || this.find(c) === this.find(k)) continue;
        if (this.keyScore(k, c) >= this.threshold) this.union(k, c);
      }
    }
    this.resolved = true;
  }

  /**
   * The distinctive words of a key's first spelling as written (accents and case aside): words
   * of three letters or more that are not legal forms or particles on their own.
   */
  private rawWords(k: number): string[] {
    const original = this.prepared[k]!.original;
    const out: string[] = [];
    for (const w of original
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)) {
      if (w.length < 3) continue;
      let distinctive = this.distinctiveWords.get(w);
      if (distinctive === undefined) {
        distinctive = prepareName(w).keyTokens.length > 0;
        this.distinctiveWords.set(w, distinctive);
      }
      if (distinctive && !out.includes(w)) out.push(w);
    }
    return out;
  }

  /** The party (cluster) of a spelling; call `resolve()` after the last `id()`. */
  party(id: number): number {
    if (!this.resolved) this.resolve();
    return this.find(this.keyOf[id]!);
  }

  /** The matcher's score of two spellings (1 when the normaliser makes them identical), cached. */
  similarity(a: number, b: number): number {
    return this.keyScore(this.keyOf[a]!, this.keyOf[b]!);
  }

  /** Two spellings name the same party: same cluster, or scored at or above the threshold. */
  sameParty(a: number, b: number): boolean {
    return this.party(a) === this.party(b) || this.similarity(a, b) >= this.threshold;
  }

  private keyScore(a: number, b: number): number {
    if (a === b) return 1;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const cacheKey = lo * 0x4000000 + hi;
    let s = this.scores.get(cacheKey);
    if (s === undefined) {
      const pa = this.prepared[lo]!;
      const pb = this.prepared[hi]!;
      // Always the first-seen spelling as the query, so the score does not depend on call order.
      s = scoreNames(pa, pb);
      this.scores.set(cacheKey, s);
    }
    return s;
  }

  private find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * The word itself and the word with each one letter left out (words of five letters or more;
 * shorter ones differ too much by one letter to say it is a typo). Two spellings one typo apart
 * share at least one of these keys.
 */
function oneDeletions(word: string): string[] {
  if (word.length < 5) return [];
  const out: string[] = [word];
  for (let k = 0; k < word.length; k++) out.push(word.slice(0, k) + word.slice(k + 1));
  return out;
}
