/**
 * The targeting model file: recipe, boosted trees, the indicator weights used as a feature, and
 * the compact history of past declarations that scoring encodes identifiers against.
 */
import { InputError } from '../core/index.js';
import type { FeatureOptions } from './features/declaration-features.js';
import { featureNames } from './features/declaration-features.js';
import type { DeclarationHistoryJson } from './features/declaration-history.js';
import type { BoosterModel, BoosterParams } from './gbdt/gradient-booster.js';
import { type IndicatorWeightSet, parseIndicatorWeights } from './indicators/indicator-weights.js';
import { TargetingModelSchema } from './targeting-model-schema.js';

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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not a JSON model file: ${(error as Error).message}`, { file });
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof json !== 'object' || json === null || format !== modelFormat)
    throw new InputError(`not a targeting model (format "${String(format)}", expected "${modelFormat}")`, {
      file,
      field: 'format',
    });
  // The whole file, trees included, is checked before any of it is used.
  const checked = TargetingModelSchema.safeParse(json);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('');
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    throw new InputError(
      `${missing ? 'is missing' : issue.message}; the model file is damaged: retrain it or restore a copy`,
      {
        file,
        field: field || 'model',
      },
    );
  }
  const names = checked.data.featureNames;
  if (names.length !== featureNames.length || names.some((n, i) => n !== featureNames[i]))
    throw new InputError('the model was trained with a different feature set; retrain it with this version', {
      file,
      field: 'featureNames',
    });
  for (const key of ['booster', 'criticalBooster'] as const) {
    const count = checked.data[key]?.featureCount;
    if (count !== undefined && count !== featureNames.length)
      throw new InputError(`has ${count} features, this version computes ${featureNames.length}`, {
        file,
        field: `${key}.featureCount`,
      });
  }
  let featureWeights: IndicatorWeightSet;
  try {
    featureWeights = parseIndicatorWeights(JSON.stringify(checked.data.featureWeights ?? null), file);
  } catch (error) {
    const e = error as InputError;
    throw new InputError(`${e.reason}; the model file is damaged: retrain it or restore a copy`, {
      file,
      field: e.field ? `featureWeights.${e.field}` : 'featureWeights',
    });
  }
  return { ...(json as TargetingModelJson), featureWeights };
}
