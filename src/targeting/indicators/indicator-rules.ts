/**
 * What each kind of indicator rule checks, and the evidence it returns to fill its reason text.
 * Every check reads only the history of earlier declarations and the caller's hooks.
 */
import type { Declaration } from '../declaration.js';
import { type DeclarationHistory, type KeyRecord, logUnitPrice } from '../features/declaration-history.js';
import { historyKeys } from '../features/history-keys.js';
import type { IndicatorRule, RuleKind } from './indicator-weights.js';
import type { PartyRole, TargetingHooks } from './targeting-hooks.js';

/** Values that fill a reason's {placeholders}. */
export type Evidence = Record<string, string | number>;

export interface RuleContext {
  history: DeclarationHistory;
  hooks: TargetingHooks;
  /** The declaration's own key records, when the caller looked them up already (index = historyKeys). */
  records?: readonly (KeyRecord | null | undefined)[];
}

/** A rule check: evidence when the rule fires, undefined when not. */
type RuleCheck = (d: Declaration, params: Record<string, unknown>, ctx: RuleContext) => Evidence | undefined;

const keyIndex = new Map(historyKeys.map((k, i) => [k.name, i]));
/** How often the declaration's own key of type `keyName` was seen before. */
function seenBefore(ctx: RuleContext, d: Declaration, keyName: string): number {
  const k = keyIndex.get(keyName)!;
  return (ctx.records ? ctx.records[k] : ctx.history.lookup(k, d))?.seen ?? 0;
}
const pairWithHs6: Record<string, string> = {
  importer: 'importer×hs6',
  seller: 'seller×hs6',
  declarant: 'declarant×hs6',
};
const partyOf = (d: Declaration, role: string) => d[role as 'importer' | 'seller' | 'declarant' | 'courier'];

/** Whether a rule kind needs a hook, and which; such rules are inactive without it. */
export const hookOfRule: Partial<Record<RuleKind, keyof TargetingHooks>> = {
  'watchlisted-party': 'isListedParty',
  'controlled-goods': 'isControlledGoods',
};

const checks: Record<RuleKind, RuleCheck> = {
  'rarely-seen-party': (d, p, ctx) => {
    const id = partyOf(d, p.party as string);
    if (!id) return undefined;
    const seen = seenBefore(ctx, d, p.party as string);
    return seen <= (p.maxSeen as number)
      ? { party: p.party as string, id, seen, maxSeen: p.maxSeen as number }
      : undefined;
  },
  'new-commodity-for-party': (d, p, ctx) => {
    const role = p.party as string;
    const id = partyOf(d, role);
    if (!id) return undefined;
    const partySeen = seenBefore(ctx, d, role);
    if (partySeen < (p.minPartySeen as number)) return undefined;
    const pair = pairWithHs6[role];
    const pairSeen = pair ? seenBefore(ctx, d, pair) : 1;
    return pairSeen === 0 ? { party: role, id, hs6: d.hs6, partySeen } : undefined;
  },
  'rare-hs-code': (d, p, ctx) => {
    const seen = seenBefore(ctx, d, 'hs6');
    return seen <= (p.maxSeen as number) ? { hs6: d.hs6, seen } : undefined;
  },
  'unit-price-outlier': (d, p, ctx) => {
    const norm = ctx.history.priceNorm(d.hs6);
    if (!norm || norm.count < (p.minHistory as number) || !(d.netMassKg > 0)) return undefined;
    const z = (logUnitPrice(d) - norm.median) / (1.4826 * norm.mad + 0.05);
    if (Math.abs(z) < (p.minRobustZ as number)) return undefined;
    return {
      hs6: d.hs6,
      unitPrice: round(d.value / d.netMassKg),
      normUnitPrice: round(Math.exp(norm.median)),
      direction: z < 0 ? 'below' : 'above',
      robustZ: round(z),
      history: norm.count,
    };
  },
  'departure-differs-from-origin': (d) =>
    d.departureCountry && d.originCountry && d.departureCountry !== d.originCountry
      ? { departure: d.departureCountry, origin: d.originCountry }
      : undefined,
  'description-inconsistent-with-hs': (d, p) => {
    if (!d.description) return undefined;
    const text = d.description.toLowerCase();
    const table = p.chapterKeywords as Record<string, string[]>;
    const chapter = d.hs6.slice(0, 2);
    const own = new Set((table[chapter] ?? []).map((k) => k.toLowerCase()));
    for (const [other, words] of Object.entries(table)) {
      if (other === chapter) continue;
      for (const w of words) {
        const word = w.toLowerCase();
        if (!own.has(word) && containsWord(text, word))
          return { description: d.description, hs6: d.hs6, chapter, keyword: w, suggestedChapter: other };
      }
    }
    return undefined;
  },
  'watchlisted-party': (d, _p, ctx) => {
    const listed = ctx.hooks.isListedParty!;
    const parties: [PartyRole, string | undefined][] = [
      ['importer', d.importer],
      ['seller', d.seller],
      ['declarant', d.declarant],
      ['courier', d.courier],
      ['carrier', d.extra?.carrier],
      ['driver', d.extra?.driverId],
    ];
    for (const [role, name] of parties) {
      if (!name) continue;
      const verdict = listed(name, role);
      if (verdict.hit) return { role, party: name, detail: verdict.detail ?? 'listed' };
    }
    return undefined;
  },
  'controlled-goods': (d, _p, ctx) => {
    const verdict = ctx.hooks.isControlledGoods!({ hs6: d.hs6, description: d.description });
    return verdict.hit
      ? { hs6: d.hs6, description: d.description, detail: verdict.detail ?? 'controlled' }
      : undefined;
  },
};

/** Runs one rule's check. */
export function checkRule(rule: IndicatorRule, d: Declaration, ctx: RuleContext): Evidence | undefined {
  return checks[rule.rule](d, rule.params, ctx);
}

/**
 * Fills `{name}` placeholders of a reason from evidence; unknown names stay visible as `{name}`.
 * @example fillReason('seen {seen} times', { seen: 2 }) // 'seen 2 times'
 */
export function fillReason(reason: string, evidence: Evidence): string {
  return reason.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in evidence ? String(evidence[key]) : whole,
  );
}

/** Whole-word (or whole-phrase) match, so "water" does not fire inside "watermelon". */
function containsWord(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + word.length] ?? '';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = at + 1;
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
