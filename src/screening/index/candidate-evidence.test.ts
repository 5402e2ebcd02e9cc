import { describe, expect, it } from 'vitest';
import { CandidateEvidence } from './candidate-evidence.js';
import type { IndexKey } from './query-token-keys.js';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function key(postings: number[], weight: number, exact: boolean): IndexKey {
  const sorted = Int32Array.from(new Set(postings)).sort();
  return {
    documents: sorted,
    first: 0,
    end: sorted.length,
    weight,
    frequency: sorted.length,
    exact,
    oneWord: true,
  };
}

/** The aliases holding a key. */
function postingsOf(key: IndexKey): Int32Array {
  return key.documents.subarray(key.first, key.end);
}

/**
 * The evidence as the accumulation documents it, written the plain way (a Map per alias, every
 * key read in the order given, no pruning): keys run rarest first; a key opens when it is rare
 * enough or nothing rarer opened any; an alias's share of a slot is the heaviest opening key of
 * the slot holding it, then raised to the heaviest non-opening key of the slot holding it. Sums in
 * single precision, slot by slot, opening shares first.
 */
function reference(keys: IndexKey[], slots: number[], commonKeyFrequency: number): Map<number, number> {
  const order = keys.map((_, k) => k).sort((a, b) => keys[a]!.frequency - keys[b]!.frequency || a - b);
  const slotOrder: number[] = [];
  for (const k of order) if (!slotOrder.includes(slots[k]!)) slotOrder.push(slots[k]!);
  const opens = new Array<boolean>(keys.length).fill(false);
  let opened = false;
  for (const slot of slotOrder) {
    const before = opened;
    for (const k of order) {
      if (slots[k] !== slot) continue;
      const limit = keys[k]!.exact ? commonKeyFrequency : commonKeyFrequency / 5;
      opens[k] = keys[k]!.frequency <= limit || !before;
      if (opens[k] && postingsOf(keys[k]!).length > 0) opened = true;
    }
  }
  const share = new Map<number, number[]>();
  const evidence = new Map<number, number>();
  slotOrder.forEach((slot, o) => {
    const best = new Map<number, number>();
    for (let k = 0; k < keys.length; k++) {
      if (slots[k] !== slot || !opens[k]) continue;
      const w = Math.fround(keys[k]!.weight);
      for (const alias of postingsOf(keys[k]!)) best.set(alias, Math.max(best.get(alias) ?? 0, w));
    }
    for (const [alias, w] of best) {
      if (!share.has(alias)) {
        share.set(alias, new Array<number>(slotOrder.length).fill(0));
        evidence.set(alias, 0);
      }
      share.get(alias)![o] = w;
      evidence.set(alias, Math.fround(evidence.get(alias)! + w));
    }
  });
  slotOrder.forEach((slot, o) => {
    const best = new Map<number, number>();
    for (let k = 0; k < keys.length; k++) {
      if (slots[k] !== slot || opens[k]) continue;
      const w = Math.fround(keys[k]!.weight);
      for (const alias of postingsOf(keys[k]!))
        if (share.has(alias)) best.set(alias, Math.max(best.get(alias) ?? 0, w));
    }
    for (const [alias, w] of best) {
      const gained = w - share.get(alias)![o]!;
      if (gained > 0) {
        share.get(alias)![o] = w;
        evidence.set(alias, Math.fround(evidence.get(alias)! + gained));
      }
    }
  });
  return evidence;
}

function accumulated(evidence: CandidateEvidence, count: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let c = 0; c < count; c++) out.set(evidence.aliasAt(c), evidence.evidenceAt(c));
  return out;
}

describe('candidate evidence', () => {
  it('sums the same evidence per alias as the plain reference, over many random queries', () => {
    const aliasCount = 30_000;
    const commonKeyFrequency = 500;
    // One accumulator for every query: what one query leaves behind must not reach the next.
    const evidence = new CandidateEvidence(aliasCount, commonKeyFrequency);
    const next = random(13);
    let candidates = 0;
    for (let query = 0; query < 80; query++) {
      const keys: IndexKey[] = [];
      const slots: number[] = [];
      const slotCount = 1 + Math.floor(next() * 4);
      for (let slot = 0; slot < slotCount; slot++) {
        const keyCount = 1 + Math.floor(next() * 6);
        for (let k = 0; k < keyCount; k++) {
          // Mostly rare keys; some common ones (only boost) and some very long (grow the table).
          const roll = next();
          const size =
            roll < 0.7 ? Math.floor(next() * 60) : roll < 0.9 ? 600 + Math.floor(next() * 3000) : 5000;
          // Aliases drawn from a narrow range too, so keys of one query share many of them.
          const span = next() < 0.5 ? 2000 : aliasCount;
          const postings = Array.from({ length: size }, () => Math.floor(next() * span));
          keys.push(key(postings, 0.3 + next() * 9, next() < 0.4));
          slots.push(slot);
        }
      }
      // No floors: every slot may open, so the plain reference applies as it is.
      const count = evidence.accumulate(keys, slots, 0, 0);
      const got = accumulated(evidence, count);
      const want = reference(keys, slots, commonKeyFrequency);
      expect(got.size).toBe(want.size);
      for (const [alias, e] of want) expect(got.get(alias), `query ${query}, alias ${alias}`).toBe(e);
      candidates += count;
    }
    // The queries did reach candidates (the comparison was not of empty sets).
    expect(candidates).toBeGreaterThan(5000);
  });

  it('opens nothing in a slot that cannot reach the floor: its keys only add to candidates', () => {
    const evidence = new CandidateEvidence(100, 500);
    const keys = [key([1, 2, 3], 5, true), key([3, 4], 1, true)];
    // The rarer key's slot comes first and can bring at most 1 + 5: below a floor of 7, nothing.
    expect(evidence.accumulate(keys, [0, 1], 7, 0)).toBe(0);
    // At 6 it opens 3 and 4; the second slot alone (at most 5) opens nothing but adds to 3.
    let count = evidence.accumulate(keys, [0, 1], 6, 0);
    expect(accumulated(evidence, count)).toEqual(
      new Map([
        [3, 6],
        [4, 1],
      ]),
    );
    count = evidence.accumulate(keys, [0, 1], 5, 0);
    expect(accumulated(evidence, count)).toEqual(
      new Map([
        [3, 6],
        [4, 1],
        [1, 5],
        [2, 5],
      ]),
    );
  });
});
