/**
 * Runs the enabled rules of a weight set on a declaration and combines the fired ones into one
 * indicator score, keeping each fired rule's reason text for the officer.
 */
import type { Declaration } from '../declaration.js';
import type { DeclarationHistory } from '../features/declaration-history.js';
import { checkRule, type Evidence, fillReason, hookOfRule, type RuleContext } from './indicator-rules.js';
import type { IndicatorWeightSet } from './indicator-weights.js';
import type { TargetingHooks } from './targeting-hooks.js';

export interface FiredRule {
  name: string;
  weight: number;
  reason: string;
  evidence: Evidence;
}

export interface IndicatorResult {
  /** 1 − Π(1 − weight) over fired rules: 0 when none fired. */
  score: number;
  fired: FiredRule[];
}

export class IndicatorEngine {
  /** Enabled rules whose hook was not provided: reported, never silently skipped. */
  readonly inactiveRules: string[];
  private readonly active: IndicatorWeightSet['rules'];

  constructor(
    readonly weights: IndicatorWeightSet,
    private readonly hooks: TargetingHooks = {},
  ) {
    const enabled = weights.rules.filter((r) => r.enabled);
    const hasHook = (r: (typeof enabled)[number]) => {
      const hook = hookOfRule[r.rule];
      return hook === undefined || hooks[hook] !== undefined;
    };
    this.active = enabled.filter(hasHook);
    this.inactiveRules = enabled.filter((r) => !hasHook(r)).map((r) => r.name);
  }

  /**
   * Checks every active rule against the history known before `d`.
   * @example new IndicatorEngine(weights).evaluate(declaration, history).fired.map((f) => f.reason)
   */
  evaluate(d: Declaration, history: DeclarationHistory, records?: RuleContext['records']): IndicatorResult {
    const fired: FiredRule[] = [];
    let keep = 1;
    const ctx: RuleContext = { history, hooks: this.hooks, records };
    for (const rule of this.active) {
      const evidence = checkRule(rule, d, ctx);
      if (!evidence) continue;
      fired.push({
        name: rule.name,
        weight: rule.weight,
        reason: fillReason(rule.reason, evidence),
        evidence,
      });
      keep *= 1 - rule.weight;
    }
    return { score: 1 - keep, fired };
  }

  /** Just the combined score, without building reason texts (model feature, fast scoring). */
  score(d: Declaration, history: DeclarationHistory, records?: RuleContext['records']): number {
    let keep = 1;
    const ctx: RuleContext = { history, hooks: this.hooks, records };
    for (const rule of this.active) if (checkRule(rule, d, ctx)) keep *= 1 - rule.weight;
    return 1 - keep;
  }
}
