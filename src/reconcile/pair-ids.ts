/**
 * Dense ids for pairs of small integers (party × party, party pair × HS6), so keys stay small
 * integers: a million records must not build a million strings or boxed numbers to be grouped.
 */

/**
 * @example
 * const ids = new PairIds();
 * ids.id(7, 854231); // 0
 * ids.id(7, 854231); // 0
 * ids.id(8, 854231); // 1
 */
export class PairIds {
  private readonly outer = new Map<number, Map<number, number>>();
  private next = 0;

  id(a: number, b: number): number {
    let inner = this.outer.get(a);
    if (!inner) {
      inner = new Map();
      this.outer.set(a, inner);
    }
    let id = inner.get(b);
    if (id === undefined) {
      id = this.next++;
      inner.set(b, id);
    }
    return id;
  }
}
