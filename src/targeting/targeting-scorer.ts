/**
 * Scores declarations for inspection: the model's fraud probability (features from the history
 * stored in the model) combined with the indicator rules, with the reasons an officer reads.
 */
import type { Declaration } from './declaration.js';
import { featureNames, writeFeatures } from './features/declaration-features.js';
import { DeclarationHistory, type KeyRecord } from './features/declaration-history.js';
import { historyKeys } from './features/history-keys.js';
import { CompiledForest } from './gbdt/compiled-forest.js';
import { type FiredRule, IndicatorEngine } from './indicators/indicator-engine.js';
import type { IndicatorWeightSet } from './indicators/indicator-weights.js';
import type { TargetingHooks } from './indicators/targeting-hooks.js';
import type { TargetingModelJson } from './targeting-model.js';

export interface ModelContribution {
  feature: string;
  /** Change in log-odds this feature caused along the trees' paths (Saabas). */
  logOdds: number;
  value: number;
}

export interface DeclarationScore {
  id: string;
  /** Final risk in [0, 1]: 1 − (1 − model)·(1 − rules). Ranking uses only this. */
  score: number;
  /** Model fraud probability; NaN when scoring with rules only. */
  model: number;
  /** Combined indicator score of the fired rules. */
  rules: number;
  /** Probability of Critical Fraud = 2 from the model's critical trees; NaN without them. */
  critical: number;
  fired: FiredRule[];
  /** Largest positive model contributions first (only when explanations were asked for). */
  contributions: ModelContribution[];
}

export interface ScorerOptions {
  /** Rules for reasons and the rule score; defaults to the model's own weight set. */
  weights?: IndicatorWeightSet;
  hooks?: TargetingHooks;
  /** How many model contributions to keep per declaration (0 = skip the attribution work). */
  topContributions?: number;
  /** Build reason texts (default true); false is the fast path for ranking only. */
  explain?: boolean;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export class TargetingScorer {
  readonly history: DeclarationHistory;
  readonly rules: IndicatorEngine;
  private readonly featureRules: IndicatorEngine | undefined;
  private readonly row = new Float64Array(featureNames.length);
  private readonly contrib = new Float64Array(featureNames.length);
  /** The scored declaration's key records, looked up once and shared by rules and features. */
  private readonly records: (KeyRecord | null | undefined)[] = [];
  private readonly forest: CompiledForest | undefined;
  private readonly criticalForest: CompiledForest | undefined;

  /** `model` undefined = rules only (e.g. crossings with no inspection history yet). */
  constructor(
    readonly model: TargetingModelJson | undefined,
    private readonly options: ScorerOptions = {},
  ) {
    // Without a model the scored file is its own history: each day sees the days before it.
    this.history = model ? DeclarationHistory.fromJSON(model.history) : new DeclarationHistory();
    const weights = options.weights ?? model?.featureWeights;
    if (!weights) throw new Error('scoring without a model needs an indicator weight set');
    this.rules = new IndicatorEngine(weights, options.hooks);
    this.featureRules = model ? new IndicatorEngine(model.featureWeights) : undefined;
    this.forest = model ? new CompiledForest(model.booster) : undefined;
    this.criticalForest = model?.criticalBooster ? new CompiledForest(model.criticalBooster) : undefined;
  }

  /**
   * Scores one declaration.
   * @example new TargetingScorer(model, { weights }).score(declaration).score
   */
  score(d: Declaration): DeclarationScore {
    const records = this.records;
    this.history.lookupAll(d, records);
    return this.scoreLookedUp(d, records);
  }

  /** Scores `d` from its key records, already looked up (index = historyKeys). */
  private scoreLookedUp(
    d: Declaration,
    records: readonly (KeyRecord | null | undefined)[],
  ): DeclarationScore {
    const ruleResult =
      this.options.explain === false
        ? { score: this.rules.score(d, this.history, records), fired: [] }
        : this.rules.evaluate(d, this.history, records);
    let model = Number.NaN;
    let critical = Number.NaN;
    let contributions: ModelContribution[] = [];
    if (this.model && this.featureRules) {
      const featureScore =
        this.options.weights || this.options.hooks
          ? this.featureRules.score(d, this.history, records)
          : ruleResult.score;
      writeFeatures(d, this.history, featureScore, this.row, 0, this.model.recipe.features, records);
      const top = this.options.topContributions ?? 0;
      if (top > 0) {
        const c = this.contrib.fill(0);
        let raw = this.forest!.addContributions(this.row, 0, c);
        for (const v of c) raw += v;
        model = sigmoid(raw);
        contributions = topPositive(c, this.row, top);
      } else model = sigmoid(this.forest!.rawScore(this.row, 0));
      if (this.criticalForest) critical = sigmoid(this.criticalForest.rawScore(this.row, 0));
    }
    const score = Number.isNaN(model) ? ruleResult.score : 1 - (1 - model) * (1 - ruleResult.score);
    return {
      id: d.id,
      score,
      model,
      rules: ruleResult.score,
      critical,
      fired: ruleResult.fired,
      contributions,
    };
  }

  /**
   * Scores many declarations; order is kept. Without a model, rows are taken day by day and each
   * day's rows then join the history (counts only), so "rarely seen" means rarely seen before.
   */
  scoreAll(declarations: readonly Declaration[]): DeclarationScore[] {
    if (this.model) return this.scoreChunked(declarations);
    const out: DeclarationScore[] = new Array(declarations.length);
    const order = declarations.map((_, i) => i).sort((a, b) => declarations[a]!.day - declarations[b]!.day);
    let i = 0;
    while (i < order.length) {
      let j = i;
      const day = declarations[order[i]!]!.day;
      while (j < order.length && declarations[order[j]!]!.day === day) j++;
      for (let k = i; k < j; k++) out[order[k]!] = this.score(declarations[order[k]!]!);
      for (let k = i; k < j; k++) this.history.observe(declarations[order[k]!]!);
      i = j;
    }
    return out;
  }

  /**
   * Scores against the model's fixed history, looking keys up column by column: all rows' importer
   * records, then all rows' seller records, and so on, a chunk of rows at a time. Scores are the
   * same as row by row; the speed comes from memory: one key type's map stays in the CPU cache
   * during its column, whereas row by row every declaration walks all twenty maps (tens of MB).
   */
  private scoreChunked(declarations: readonly Declaration[]): DeclarationScore[] {
    const out: DeclarationScore[] = new Array(declarations.length);
    const keys = historyKeys.length;
    const chunk = Math.min(chunkRows, declarations.length);
    const columns = Array.from({ length: keys }, () => new Array<KeyRecord | null | undefined>(chunk));
    const records = this.records;
    for (let start = 0; start < declarations.length; start += chunk) {
      const end = Math.min(start + chunk, declarations.length);
      for (let k = 0; k < keys; k++) this.history.lookupColumn(k, declarations, start, end, columns[k]!);
      for (let i = start; i < end; i++) {
        for (let k = 0; k < keys; k++) records[k] = columns[k]![i - start];
        out[i] = this.scoreLookedUp(declarations[i]!, records);
      }
    }
    return out;
  }
}

/** Rows per column-wise lookup chunk: large enough to stay in one map, small enough to stay cached. */
const chunkRows = 2048;

/**
 * The `n` largest positive contributions, largest first, ties in feature order (what a stable
 * sort of all positive ones would give), in one pass keeping the best n so far: n is small.
 */
function topPositive(c: Float64Array, row: Float64Array, n: number): ModelContribution[] {
  const best: number[] = [];
  for (let i = 0; i < c.length; i++) {
    const v = c[i]!;
    if (!(v > 0)) continue;
    // Strictly greater moves ahead, so an equal value stays behind the earlier feature.
    let at = best.length;
    while (at > 0 && v > c[best[at - 1]!]!) at--;
    if (at >= n) continue;
    best.splice(at, 0, i);
    if (best.length > n) best.pop();
  }
  return best.map((i) => ({ feature: featureNames[i]!, logOdds: c[i]!, value: row[i]! }));
}

/** One line of reasons: fired rules, then the model's strongest contributions. */
export function reasonText(s: DeclarationScore): string {
  const parts = s.fired.map((f) => f.reason);
  for (const c of s.contributions)
    parts.push(
      `model: ${c.feature}=${Number.isNaN(c.value) ? 'missing' : round(c.value)} (+${round(c.logOdds)} log-odds)`,
    );
  return parts.join('; ');
}

const round = (x: number) => Math.round(x * 1000) / 1000;
