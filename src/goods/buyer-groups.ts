/**
 * Groups the spellings of one buyer ("Química Delta S.A. de C.V.", "QUIMICA DELTA SA DE CV",
 * "Delta Quimica") with the screening engine's name matcher, so monthly totals, first purchases
 * and refusals follow the company rather than one way of writing it. Names are compared only with
 * names sharing a distinctive word, so grouping stays fast on long files.
 */
import { type PreparedName, prepareName, scoreNames } from '../screening/index.js';

/** Names scoring at least this are one buyer; above the screening default, since a merge adds orders up. */
export const SAME_BUYER_SCORE = 0.8;
/** A word shared by more groups than this is too common to propose candidates. */
const COMMON_WORD_GROUPS = 200;

interface Group {
  names: string[];
  prepared: PreparedName[];
}

export class BuyerGroups {
  private readonly byText = new Map<string, number>();
  private readonly groups: Group[] = [];
  private readonly byWord = new Map<string, number[]>();

  constructor(private readonly minScore = SAME_BUYER_SCORE) {}

  /**
   * The group number of a buyer name, creating a group when no earlier name matches.
   *
   * @example
   * groups.groupOf('Quimica Delta SA de CV') === groups.groupOf('QUÍMICA DELTA, S.A. DE C.V.'); // true
   */
  groupOf(name: string): number {
    const known = this.byText.get(name);
    if (known !== undefined) return known;
    const prepared = prepareName(name, 'Organization');
    const words = (prepared.keyTokens.length ? prepared.keyTokens : prepared.tokens).filter(
      (w) => w.length >= 3,
    );
    let best = -1;
    let bestScore = this.minScore;
    const seen = new Set<number>();
    for (const w of words) {
      const groups = this.byWord.get(w);
      if (!groups || groups.length > COMMON_WORD_GROUPS) continue;
      for (const g of groups) {
        if (seen.has(g)) continue;
        seen.add(g);
        for (const other of this.groups[g]!.prepared) {
          const s = scoreNames(prepared, other);
          if (s >= bestScore) {
            bestScore = s;
            best = g;
          }
        }
      }
    }
    if (best < 0) {
      best = this.groups.length;
      this.groups.push({ names: [], prepared: [] });
    }
    const group = this.groups[best]!;
    group.names.push(name);
    group.prepared.push(prepared);
    for (const w of words) {
      const list = this.byWord.get(w);
      if (!list) this.byWord.set(w, [best]);
      else if (list[list.length - 1] !== best && !list.includes(best)) list.push(best);
    }
    this.byText.set(name, best);
    return best;
  }

  /** Every spelling seen for a group, first seen first. */
  names(group: number): string[] {
    return this.groups[group]?.names ?? [];
  }
}
