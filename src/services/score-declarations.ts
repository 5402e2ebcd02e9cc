/**
 * Score declarations or crossings for inspection: the model (when given) and the indicator rules,
 * parties screened against the watchlists when asked (through the one screening service), the
 * inspection capacity filled with exploration picks, and the picks recorded as alerts when asked.
 */
import type { Stores } from '../core/index.js';
import type {
  Capacity,
  CapacityScope,
  Declaration,
  DeclarationScore,
  IndicatorWeightSet,
  Selection,
  TargetingModelJson,
} from '../targeting/index.js';
import { partyScreeningHook } from './party-screening-hook.js';
import type { ScreenerCache } from './screener-cache.js';
import { ServiceError } from './service-error.js';
import { targetingAlerts } from './targeting-alerts.js';

export interface ScoreDeclarationsOptions {
  /** Without a model the indicator rules alone score. */
  model?: TargetingModelJson;
  /** The indicator weight set (default: the one stored in the model). */
  weights?: IndicatorWeightSet;
  /** Model contributions listed per declaration in the reasons. */
  top: number;
  capacity: Capacity;
  scope: CapacityScope;
  exploration: number;
  explorationMode: 'uncertain' | 'random';
  seed: number;
  /** Needed to screen parties or record alerts. */
  stores?: Stores;
  /** Screen every party against the stored watchlists (the `watchlisted-party` rule). */
  screenParties?: boolean;
  screeners?: ScreenerCache;
  /** Record the selected declarations as alerts; `input` names their file as the source. */
  recordAlerts?: boolean;
  input?: string;
}

export interface ScoredDeclarations {
  scores: DeclarationScore[];
  /** Parallel to the declarations. */
  selection: Selection[];
  /** Rules that could not fire because no hook answers them. */
  inactiveRules: string[];
  /** Seconds spent scoring (not reading). */
  seconds: number;
  /** Set when parties were screened: distinct names screened and found listed. */
  partyScreening?: { screened: number; listed: number };
  /** Set when alerts were recorded. */
  recorded?: { inserted: number; unchanged: number };
}

/**
 * @example
 * const { scores, selection } = await scoreDeclarations(declarations, {
 *   top: 3, capacity: { kind: 'percent', value: 5 }, scope: 'all', exploration: 0.1, explorationMode: 'uncertain', seed: 1 });
 */
export async function scoreDeclarations(
  declarations: readonly Declaration[],
  options: ScoreDeclarationsOptions,
): Promise<ScoredDeclarations> {
  const { TargetingScorer, rankForInspection } = await import('../targeting/index.js');
  const needsStores = options.screenParties || options.recordAlerts;
  if (needsStores && !options.stores)
    throw new ServiceError('invalid', 'screening parties or recording alerts needs the stores');
  const parties =
    options.screenParties && options.stores
      ? await partyScreeningHook(options.stores, options.screeners ? { screeners: options.screeners } : {})
      : undefined;
  const scorer = new TargetingScorer(options.model, {
    weights: options.weights,
    topContributions: options.model ? options.top : 0,
    hooks: parties ? { isListedParty: parties.isListedParty } : undefined,
  });
  const started = performance.now();
  const scores = scorer.scoreAll([...declarations]);
  const seconds = (performance.now() - started) / 1000;
  const selection = rankForInspection(
    declarations.map((d, i) => ({ score: scores[i]!.score, day: d.day, office: d.office })),
    {
      capacity: options.capacity,
      scope: options.scope,
      exploration: options.exploration,
      explorationMode: options.explorationMode,
      seed: options.seed,
    },
  );
  const result: ScoredDeclarations = {
    scores,
    selection,
    inactiveRules: scorer.rules.inactiveRules,
    seconds,
    ...(parties && { partyScreening: parties.stats }),
  };
  if (options.recordAlerts && options.stores) {
    const alerts = targetingAlerts(declarations, scores, selection, {
      createdAt: new Date().toISOString(),
      ...(options.input !== undefined && { input: options.input }),
      ...(options.model && { model: options.model }),
    });
    result.recorded = await options.stores.alerts.append(alerts);
  }
  return result;
}
