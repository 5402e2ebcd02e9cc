/**
 * One list word, one query word: a list word that two query words both reach ("marie": the second
 * word itself, a typo of the first; "abdallah", a typo of "abdalla" and of "abdulla") counts in one
 * slot only, the one where it weighs most (the first of those on a tie). An alias holding the word
 * once can stand for one query word, as the scorer pairs each word with one other; counted in both,
 * it gave an alias holding it the evidence of two matching words, and aliases far from the query
 * were scored: the 50,000 customer names of the benchmark scored 5.19 candidates a name, 4.62 with
 * the word in one slot (names scoring 26 or more: 2,216, then 1,653), with the same matches.
 * Sounds and given-name variant groups stay in every slot: an alias may hold two words of one sound
 * ("Katy Keeth" for "Kathy Keith"; the second word of a sound has a key of its own,
 * `repeatedSoundKey`). Within one form of the name only: a reading ("Yuan" in Wade–Giles) is the
 * same words again, and its slots count as the query's weight does. Scratch state is reused from
 * query to query; owned by one index.
 */
import type { IndexKey } from './query-token-keys.js';

/** Cells of the table of words seen, kept at most half full. */
const WORD_TABLE_BITS = 10;
const WORD_TABLE = 1 << WORD_TABLE_BITS;

export class WordSlots {
  /** By key position: its word (where its aliases start in the token lists), and whether it is dropped. */
  private keyWord = new Int32Array(64);
  private keyDropped = new Uint8Array(64);
  /** Words seen this query: cells current when stamped with the query's stamp. */
  private readonly wordSeen = new Int32Array(WORD_TABLE);
  private readonly wordSeenStamp = new Int32Array(WORD_TABLE);
  private wordStamp = 0;

  /**
   * Drops, from the first `count` of `keys` and `slots` (in place), each key of a word that another
   * slot of the same form of the name (`slotPart`, by slot) holds as heavily or more; returns how
   * many keys are left. Run on the token slots, before joins and splits, whose slots stand for words
   * together.
   */
  keepEachInOneSlot(keys: IndexKey[], slots: number[], count: number, slotPart: readonly number[]): number {
    if (this.keyWord.length < count) {
      this.keyWord = new Int32Array(count * 2);
      this.keyDropped = new Uint8Array(count * 2);
    }
    // Each key's word, -1 for a sound or a variant group: the pairs below compare numbers, not key
    // objects (a query has a few dozen keys).
    const word = this.keyWord;
    const dropped = this.keyDropped;
    if (!this.anyWordTwice(keys, count)) return count;
    for (let k = 0; k < count; k++) {
      if (word[k]! < 0) continue;
      const slot = slots[k]!;
      for (let other = 0; other < count; other++) {
        if (word[other] !== word[k] || other === k) continue;
        const otherSlot = slots[other]!;
        // A nickname's or reading's words stand for the name's again: their slots keep theirs.
        if (otherSlot === slot || slotPart[otherSlot] !== slotPart[slot]) continue;
        const key = keys[k]!;
        const o = keys[other]!;
        if (o.documents !== key.documents) continue;
        // The same word in another slot: kept there if it weighs more, or as much and comes first.
        if (o.weight > key.weight || (o.weight === key.weight && other < k)) {
          dropped[k] = 1;
          break;
        }
      }
    }
    let kept = 0;
    for (let k = 0; k < count; k++) {
      if (dropped[k]) continue;
      keys[kept] = keys[k]!;
      slots[kept] = slots[k]!;
      kept++;
    }
    return kept;
  }

  /**
   * Fills `keyWord` and clears `keyDropped` for the first `count` keys, and says whether any word
   * comes twice: most queries reach none twice, and a small table of the words seen says so in one
   * pass. A query of hundreds of keys (a long name) would fill the table: it is compared pair by pair.
   */
  private anyWordTwice(keys: readonly IndexKey[], count: number): boolean {
    const word = this.keyWord;
    const seen = this.wordSeen;
    const seenStamp = this.wordSeenStamp;
    // Stamps stay positive int32: after 2^31 - 1 queries the table is emptied and they start again.
    this.wordStamp = (this.wordStamp + 1) & 0x7fffffff;
    if (this.wordStamp === 0) {
      seenStamp.fill(0);
      this.wordStamp = 1;
    }
    const stamp = this.wordStamp;
    let twice = count > WORD_TABLE / 2;
    for (let k = 0; k < count; k++) {
      const w = keys[k]!.oneWord ? keys[k]!.first : -1;
      word[k] = w;
      this.keyDropped[k] = 0;
      if (w < 0 || twice) continue;
      let cell = Math.imul(w, 0x9e3779b1) >>> (32 - WORD_TABLE_BITS);
      while (seenStamp[cell] === stamp && seen[cell] !== w) cell = (cell + 1) & (WORD_TABLE - 1);
      if (seenStamp[cell] === stamp) twice = true;
      else {
        seenStamp[cell] = stamp;
        seen[cell] = w;
      }
    }
    return twice;
  }
}
