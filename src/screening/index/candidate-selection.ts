/**
 * Which of a query's candidates get scored: those whose evidence passes the floors (a share of the
 * best candidate's, of the query's weight, and a Dice share of both names' weights), best first and
 * at most the limit; and, when the limit cuts candidates that pass, the few cut ones closest to the
 * query in weight. Scratch state is reused from query to query; owned by one index.
 */
import type { CandidateEvidence } from './candidate-evidence.js';

/** Above this limit `select` sorts every passing candidate instead of inserting the best in order. */
const MAX_INSERTED = 512;

/** Candidates cut by the limit that are still scored for being closest to the query in weight. */
const CLOSEST_CUT = 3;

export class CandidateSelection {
  /** The candidates `select` keeps, best first (at most `limit`), reused. */
  private kept = new Int32Array(64);
  /** Candidates cut by the limit but kept for their Dice share (`closestCut`), and their shares. */
  private readonly closestKept = new Int32Array(CLOSEST_CUT);
  private readonly closestShare = new Float64Array(CLOSEST_CUT);

  /** `aliasWeight[a]`: alias `a`'s total token rarity, what a query must cover to be close to it. */
  constructor(
    private readonly evidence: CandidateEvidence,
    private readonly aliasWeight: Float32Array,
  ) {}

  /**
   * The aliases worth scoring among the `count` candidates of the last accumulation, best first:
   * those passing the floors, at most `limit`, and the closest of those the limit cut.
   */
  select(
    count: number,
    totalWeight: number,
    limit: number,
    relativeFloor: number,
    coverageFloor: number,
    diceFloor: number,
  ): Int32Array {
    const evidence = this.evidence;
    let best = 0;
    for (let c = 0; c < count; c++) best = Math.max(best, evidence.evidenceAt(c));
    const floor = Math.max(best * relativeFloor, totalWeight * coverageFloor);
    // At most `limit` (however it was given: a fraction is cut, Infinity keeps every candidate).
    const cap = Math.min(Math.floor(limit), count);
    if (!(cap > 0)) return new Int32Array(0);
    if (cap > MAX_INSERTED) return this.sortAll(count, floor, totalWeight, cap, diceFloor);
    if (this.kept.length < cap) this.kept = new Int32Array(cap);
    // The best `limit` kept in order, by insertion: the same as sorting all that pass the floors
    // and taking the first `limit` (the order is total), without sorting the hundreds that do not.
    const kept = this.kept;
    let keptCount = 0;
    let cut = false;
    for (let c = 0; c < count; c++) {
      if (!this.passesFloors(c, floor, totalWeight, diceFloor)) continue;
      if (keptCount === cap) cut = true;
      if (keptCount === cap && !this.ranksBefore(c, kept[cap - 1]!)) continue;
      let at = keptCount < cap ? keptCount++ : cap - 1;
      while (at > 0 && this.ranksBefore(c, kept[at - 1]!)) {
        kept[at] = kept[at - 1]!;
        at--;
      }
      kept[at] = c;
    }
    const closest = cut ? this.closestCut(count, floor, totalWeight, diceFloor, keptCount) : 0;
    const out = new Int32Array(keptCount + closest);
    for (let i = 0; i < keptCount; i++) out[i] = evidence.aliasAt(kept[i]!);
    for (let i = 0; i < closest; i++) out[keptCount + i] = evidence.aliasAt(this.closestKept[i]!);
    return out;
  }

  /**
   * When the limit cut candidates that pass the floors (a query of common words: hundreds of
   * aliases hold them), the few of those cut whose weight is closest to the query's (the best Dice
   * share of evidence), into `closestKept`; returns how many. The evidence ranking favours aliases
   * holding a query word exactly, however many other words they have; "Mohamad" then fills the
   * limit with "X Mohamad Y" and drops the listed "Mohammad" alone, one letter from it.
   */
  private closestCut(
    count: number,
    floor: number,
    totalWeight: number,
    diceFloor: number,
    keptCount: number,
  ): number {
    const closest = this.closestKept;
    const share = this.closestShare;
    let found = 0;
    for (let c = 0; c < count; c++) {
      if (!this.passesFloors(c, floor, totalWeight, diceFloor)) continue;
      let isKept = false;
      for (let k = 0; k < keptCount && !isKept; k++) isKept = this.kept[k] === c;
      if (isKept) continue;
      const dice = this.diceShare(c, totalWeight);
      if (found === CLOSEST_CUT && !(dice > share[found - 1]!)) continue;
      // Insertion by share, the first reached first among equals (candidates come in a fixed order).
      let at = found < CLOSEST_CUT ? found++ : found - 1;
      while (at > 0 && dice > share[at - 1]!) {
        closest[at] = closest[at - 1]!;
        share[at] = share[at - 1]!;
        at--;
      }
      closest[at] = c;
      share[at] = dice;
    }
    return found;
  }

  /** `select` for a large limit: every candidate passing the floors, sorted, the first `cap`. */
  private sortAll(
    count: number,
    floor: number,
    totalWeight: number,
    cap: number,
    diceFloor: number,
  ): Int32Array {
    const evidence = this.evidence;
    const passing: number[] = [];
    for (let c = 0; c < count; c++) if (this.passesFloors(c, floor, totalWeight, diceFloor)) passing.push(c);
    passing.sort((a, b) => (a === b ? 0 : this.ranksBefore(a, b) ? -1 : 1));
    const out = new Int32Array(Math.min(passing.length, cap));
    for (let i = 0; i < out.length; i++) out[i] = evidence.aliasAt(passing[i]!);
    return out;
  }

  /**
   * Whether candidate `c` has the evidence `select` requires: at least `floor`, and a Dice share
   * of the query's and the alias's weights of at least `diceFloor` (a long alias that holds one
   * query word among many of its own is far from the query).
   */
  private passesFloors(c: number, floor: number, totalWeight: number, diceFloor: number): boolean {
    const e = this.evidence.evidenceAt(c);
    if (e < floor) return false;
    if (diceFloor <= 0) return true;
    return !(this.diceShare(c, totalWeight) < diceFloor);
  }

  /** Candidate `c`'s evidence as a share of the query's and its alias's weights together (Dice). */
  private diceShare(c: number, totalWeight: number): number {
    const evidence = this.evidence;
    return (2 * evidence.evidenceAt(c)) / (totalWeight + this.aliasWeight[evidence.aliasAt(c)]!);
  }

  /**
   * Whether candidate `a` comes before `b`: more evidence first; ties in evidence (a common word
   * shared by many aliases) go to the lighter alias, the one with fewer other rare words, which is
   * closer to the query; then the lower alias id.
   */
  private ranksBefore(a: number, b: number): boolean {
    const evidence = this.evidence;
    const ea = evidence.evidenceAt(a);
    const eb = evidence.evidenceAt(b);
    if (ea !== eb) return ea > eb;
    const x = evidence.aliasAt(a);
    const y = evidence.aliasAt(b);
    const wx = this.aliasWeight[x]!;
    const wy = this.aliasWeight[y]!;
    if (wx !== wy) return wx < wy;
    return x < y;
  }
}
