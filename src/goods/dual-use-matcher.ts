/**
 * Finds export-controlled advanced-computing items (ECCN 3A090 accelerators, 4A090 computers) by
 * product model name. A model name is short and can mean something else ("H100" is also a drill),
 * so it counts only with the rest of the line agreeing: a vendor or accelerator word, or an HS code
 * of computers, their parts or processors. Laptops and monitors name no listed model.
 */
import type { DualUseItem } from './catalog-schema.js';
import { asciiWords } from './description-text.js';
import type { HsReading } from './hs-code.js';

export interface DualUseHit {
  item: DualUseItem;
  model: string;
  /** 4A090 when an accelerator model is named with a server or system. */
  eccn: string;
  asServer: boolean;
  /** What on the line confirmed the model name. */
  corroboration: string;
}

const acceleratorWords = new Set(
  (
    'nvidia amd intel habana instinct tesla hopper blackwell ampere gaudi gpu gpus accelerator accelerators ' +
    'tensor sxm sxm4 sxm5 pcie hbm hbm3 hbm3e nvlink datacenter datacentre module card dgx hgx'
  ).split(' '),
);
const serverWords = new Set(
  'server servers system systems node nodes rack chassis dgx hgx nvl72 appliance'.split(' '),
);
/** HS headings of computers (8471), their parts (8473) and integrated circuits (8542). */
const computingHeadings = new Set(['8471', '8473', '8542']);
const MAX_MODEL_TOKENS = 4;

export class DualUseMatcher {
  private readonly models = new Map<string, { item: DualUseItem; model: string }>();
  private readonly memo = new Map<string, { model: string; item: DualUseItem; words: Set<string> } | null>();
  readonly longestModel: number;

  constructor(items: readonly DualUseItem[]) {
    let longest = 1;
    for (const item of items)
      for (const model of item.models) {
        const words = asciiWords(model).split(' ');
        longest = Math.max(longest, words.length);
        this.models.set(words.join(''), { item, model });
      }
    this.longestModel = Math.min(longest, MAX_MODEL_TOKENS);
  }

  /**
   * @example
   * matcher.match('NVIDIA H100 SXM5 80GB', { kind: 'code', heading: '8473', … }); // { model: 'H100', eccn: '3A090.a', … }
   * matcher.match('Dell Latitude 5440 laptop', …); // undefined
   */
  match(description: string, hs: HsReading): DualUseHit | undefined {
    let found = this.memo.get(description);
    if (found === undefined) {
      found = this.find(description);
      if (this.memo.size >= 100_000) this.memo.clear();
      this.memo.set(description, found);
    }
    if (!found) return undefined;
    // A model name of several words ("DGX H100", "PowerEdge XE9680") is specific enough alone.
    const vendorWord = found.model.includes(' ')
      ? found.model
      : [...found.words].find((w) => acceleratorWords.has(w));
    const hsAgrees = hs.kind === 'code' && computingHeadings.has(hs.heading);
    if (!vendorWord && !hsAgrees) return undefined;
    const asServer =
      found.item.kind === 'server' || [...found.words].some((w) => serverWords.has(w) || /^\d+x$/.test(w));
    const eccn = asServer && found.item.kind === 'accelerator' ? '4A090.a' : found.item.eccn;
    return {
      item: found.item,
      model: found.model,
      eccn,
      asServer,
      corroboration: vendorWord
        ? `the description also says "${vendorWord}"`
        : `HS ${hs.kind === 'code' ? hs.subheading : ''} (computers, their parts or processors)`,
    };
  }

  private find(description: string): { model: string; item: DualUseItem; words: Set<string> } | null {
    const t = asciiWords(description).split(' ');
    let best: { model: string; item: DualUseItem; len: number } | undefined;
    for (let i = 0; i < t.length; i++) {
      let compact = '';
      for (let j = i; j < Math.min(t.length, i + this.longestModel); j++) {
        compact += t[j];
        const hit = this.models.get(compact);
        // The longest model name wins: "DGX H100" is the system, not only its GPU.
        if (hit && (!best || compact.length > best.len)) best = { ...hit, len: compact.length };
      }
    }
    return best ? { model: best.model, item: best.item, words: new Set(t) } : null;
  }
}
