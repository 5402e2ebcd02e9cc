import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Declaration } from './declaration.js';
import { featureNames, writeFeatures } from './features/declaration-features.js';
import { DeclarationHistory } from './features/declaration-history.js';
import { featureContributions, predictRawRow } from './gbdt/gradient-booster.js';
import { IndicatorEngine } from './indicators/indicator-engine.js';
import { parseIndicatorWeights } from './indicators/indicator-weights.js';
import { readKcsDeclarations } from './readers/kcs-declaration-reader.js';
import type { TargetingModelJson } from './targeting-model.js';
import { reasonText, TargetingScorer } from './targeting-scorer.js';
import { syntheticKcsCsv } from './testing/declaration-fixtures.js';
import { trainTargetingModel } from './training-recipe.js';

const weightsFile = new URL('../../data/targeting/indicators.json', import.meta.url);
const weights = parseIndicatorWeights(readFileSync(weightsFile, 'utf8'), 'indicators.json');
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The scores as the first implementation computed them, from the untouched building blocks: key
 * by key history lookups, the rules without shared records, and the trees walked one by one.
 */
function referenceScores(model: TargetingModelJson, declarations: readonly Declaration[]) {
  const history = DeclarationHistory.fromJSON(model.history);
  const rules = new IndicatorEngine(model.featureWeights);
  const row = new Float64Array(model.featureNames.length);
  return declarations.map((d) => {
    const ruleScore = rules.score(d, history);
    writeFeatures(d, history, ruleScore, row, 0, model.recipe.features);
    const fraud = sigmoid(predictRawRow(model.booster, row, 0));
    const critical = model.criticalBooster
      ? sigmoid(predictRawRow(model.criticalBooster, row, 0))
      : Number.NaN;
    // With explanations the model probability is the sum of the Saabas attribution instead.
    const { bias, contributions } = featureContributions(model.booster, row, 0);
    let raw = bias;
    for (const v of contributions) raw += v;
    const top = [...contributions.keys()]
      .filter((i) => contributions[i]! > 0)
      .sort((a, b) => contributions[b]! - contributions[a]!)
      .slice(0, 3)
      .map((i) => ({ feature: featureNames[i]!, logOdds: contributions[i]!, value: row[i]! }));
    const explained = sigmoid(raw);
    return {
      score: 1 - (1 - fraud) * (1 - ruleScore),
      model: fraud,
      rules: ruleScore,
      critical,
      explained: { score: 1 - (1 - explained) * (1 - ruleScore), model: explained, top },
    };
  });
}

describe('optimised scoring gives the scores of the reference implementation', () => {
  let model: TargetingModelJson;
  let unlabelled: Declaration[];
  beforeAll(() => {
    const train = readKcsDeclarations(syntheticKcsCsv(1500, 60, 1), 'train.csv').declarations;
    model = trainTargetingModel(train, { weights, sources: ['train.csv'] });
    // More rows than one column-wise lookup chunk, so chunk edges are crossed.
    const csv = syntheticKcsCsv(5000, 30, 5, false).replace(/2020-01-/g, '2020-04-');
    unlabelled = readKcsDeclarations(csv, 'new.csv').declarations;
  }, 60_000);

  it('scoreAll (column-wise lookups, paired tree walks) matches exactly, row by row', () => {
    expect(unlabelled.length).toBeGreaterThan(4096);
    const expected = referenceScores(model, unlabelled);
    const got = new TargetingScorer(model, { explain: false }).scoreAll(unlabelled);
    expect(got.map((s) => s.id)).toEqual(unlabelled.map((d) => d.id));
    const exact = got.filter((s, i) => {
      const e = expected[i]!;
      return s.score === e.score && s.model === e.model && s.rules === e.rules && s.critical === e.critical;
    });
    expect(exact.length).toBe(unlabelled.length);
  });

  it('explained scoring matches the reference attribution: probability and top contributions', () => {
    const expected = referenceScores(model, unlabelled);
    const got = new TargetingScorer(model, { topContributions: 3 }).scoreAll(unlabelled);
    const differing = got.filter((s, i) => {
      const e = expected[i]!.explained;
      return (
        s.score !== e.score ||
        s.model !== e.model ||
        JSON.stringify(s.contributions) !== JSON.stringify(e.top)
      );
    });
    expect(differing).toEqual([]);
    expect(got.some((s) => s.contributions.length === 3)).toBe(true);
  });

  it('the batch path and the one-declaration path agree, reasons included', () => {
    const batch = new TargetingScorer(model, { topContributions: 3 }).scoreAll(unlabelled);
    const single = new TargetingScorer(model, { topContributions: 3 });
    const mismatched = unlabelled.filter((d, i) => {
      const one = single.score(d);
      return one.score !== batch[i]!.score || reasonText(one) !== reasonText(batch[i]!);
    });
    expect(mismatched).toEqual([]);
    expect(batch.some((s) => reasonText(s) !== '')).toBe(true);
  });
});
