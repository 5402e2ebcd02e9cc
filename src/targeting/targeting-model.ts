/**
 * The targeting model file: recipe, boosted trees, the indicator weights used as a feature, and
 * the compact history of past declarations that scoring encodes identifiers against.
 */
import { InputError } from '../core/index.js';
import type { FeatureOptions } from './features/declaration-features.js';
import { featureNames } from './features/declaration-features.js';
import type { DeclarationHistoryJson } from './features/declaration-history.js';
import type { BoosterModel, BoosterParams } from './gbdt/gradient-booster.js';
import type { IndicatorWeightSet } from './indicators/indicator-weights.js';

export const modelFormat = 'sentinela-targeting-model/1';

export interface TargetingModelJson {
  format: typeof modelFormat;
  createdAt: string;
  recipe: { booster: BoosterParams; critical: Partial<BoosterParams>; features: FeatureOptions };
  training: {
    sources: string[];
    rows: number;
    fraud: number;
    firstDate: string;
    lastDate: string;
    validRows: number;
  };
  featureNames: string[];
  /** The weight set whose score was a training feature; scoring recomputes the feature with it. */
  featureWeights: IndicatorWeightSet;
  booster: BoosterModel;
  /** Separate trees for Critical Fraud = 2 (public-safety cases), absent when training had none. */
  criticalBooster?: BoosterModel;
  history: DeclarationHistoryJson;
}

/**
 * Parses a model file, checking it is one and that its features match this version's.
 * @example const model = parseTargetingModel(readFileSync(p, 'utf8'), p)
 */
export function parseTargetingModel(text: string, file: string): TargetingModelJson {
  let json: Partial<TargetingModelJson>;
  try {
    json = JSON.parse(text) as Partial<TargetingModelJson>;
  } catch (error) {
    throw new InputError(`not a JSON model file: ${(error as Error).message}`, { file });
  }
  if (json.format !== modelFormat)
    throw new InputError(
      `not a targeting model (format "${String(json.format)}", expected "${modelFormat}")`,
      {
        file,
        field: 'format',
      },
    );
  const names = json.featureNames ?? [];
  if (names.length !== featureNames.length || names.some((n, i) => n !== featureNames[i]))
    throw new InputError('the model was trained with a different feature set; retrain it with this version', {
      file,
      field: 'featureNames',
    });
  return json as TargetingModelJson;
}
