/**
 * The Farrington baseline model for one evaluated period: a quasi-Poisson GLM (optional trend,
 * optional seasonal factor) refitted after down-weighting past outbreaks by their Anscombe
 * residuals, with the trend dropped unless significant and not extrapolating — the steps of R's
 * `algo.farrington.fitGLM.flexible` and `algo.farrington.glm`.
 */
import { fitLogLinkGlm, type GlmFit, type SparseDesign } from '../../glm/log-link-glm.js';
import { quadraticForm } from '../../glm/symmetric-solve.js';
import { studentTwoSidedP } from '../../math/gamma-functions.js';
import type { FarringtonSettings } from './farrington-settings.js';

export interface FarringtonPrediction {
  /** Linear predictor (log mean) at the evaluated period and its standard error. */
  eta: number;
  seEta: number;
  /** max(estimated dispersion, 1) of the final (reweighted) fit. */
  phi: number;
  trendKept: boolean;
}

interface ModelData {
  response: number[];
  /** R's `wtime`: the 1-based position. */
  time: number[];
  levels: number[];
}

function designRow(time: number, level: number, withTrend: boolean, levelsInModel: number[]): number[] {
  const row = [1];
  if (withTrend) row.push(time);
  for (const l of levelsInModel) row.push(level === l ? 1 : 0);
  return row;
}

/** The same design as rows of `designRow`, built straight into sparse form (no dense rows to allocate). */
function sparseFarringtonDesign(data: ModelData, withTrend: boolean, levelsInModel: number[]): SparseDesign {
  const n = data.response.length;
  const columns = 1 + (withTrend ? 1 : 0) + levelsInModel.length;
  const levelColumn = new Map(levelsInModel.map((l, i) => [l, 1 + (withTrend ? 1 : 0) + i]));
  const rowStart = new Int32Array(n + 1);
  const index = new Int32Array(n * 3);
  const value = new Float64Array(n * 3);
  let k = 0;
  for (let i = 0; i < n; i++) {
    index[k] = 0;
    value[k++] = 1;
    if (withTrend) {
      index[k] = 1;
      value[k++] = data.time[i]!;
    }
    const column = levelColumn.get(data.levels[i]!);
    if (column !== undefined) {
      index[k] = column;
      value[k++] = 1;
    }
    rowStart[i + 1] = k;
  }
  return { columns, rowStart, index, value };
}

interface FittedModel {
  fit: GlmFit;
  phi: number;
  /** The dispersion R's later `summary.glm`/`predict.glm` calls see (see `reportedDispersion`). */
  reportedDispersion: number;
  withTrend: boolean;
  levelsInModel: number[];
}

/** One fit with reweighting; null when the GLM does not converge with or without trend (R gives NA). */
function fitWithReweighting(data: ModelData, withTrend: boolean, s: FarringtonSettings): FittedModel | null {
  // Treatment contrasts: the lowest level present is the reference.
  const present = [...new Set(data.levels)].sort((a, b) => a - b);
  const levelsInModel = s.noPeriods > 1 ? present.slice(1) : [];
  let trend = withTrend;
  let x = sparseFarringtonDesign(data, trend, levelsInModel);
  let fit = fitLogLinkGlm(x, data.response);
  if (!fit.converged && trend) {
    trend = false;
    x = sparseFarringtonDesign(data, trend, levelsInModel);
    fit = fitLogLinkGlm(x, data.response);
  }
  if (!fit.converged) return null;
  let phi = Math.max(fit.dispersion, 1);
  let reportedDispersion = fit.dispersion;
  if (s.reweight) {
    const weights = anscombeWeights(data.response, fit, phi, s.weightsThreshold);
    fit = fitLogLinkGlm(x, data.response, { weights });
    phi = Math.max(fit.dispersion, 1);
    reportedDispersion = reportedDispersionAfterReweighting(data.response, fit, weights);
  }
  return { fit, phi, reportedDispersion, withTrend: trend, levelsInModel };
}

/**
 * R's fitter stores the outbreak weights ω in the model's *working*-weights slot, so every later
 * `summary.glm` (trend p-value) and `predict.glm` (standard error) uses Σ ω·((y−μ)/μ)² / df instead
 * of the Pearson dispersion. Reproduced so bounds agree with R; it makes the trend test more
 * conservative and widens the delta-method bound.
 */
function reportedDispersionAfterReweighting(y: number[], fit: GlmFit, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const mu = fit.fitted[i]!;
    const r = (y[i]! - mu) / mu;
    sum += weights[i]! * r * r;
  }
  return fit.dfResidual > 0 ? sum / fit.dfResidual : Number.NaN;
}

/** Weights γ·s⁻² for residuals s above the threshold, γ otherwise, with γ making the mean weight 1. */
function anscombeWeights(y: number[], fit: GlmFit, phi: number, threshold: number): number[] {
  const s = y.map((yi, i) => {
    const mu = fit.fitted[i]!;
    // y^(2/3)·μ^(-1/6) − μ^(1/2) with cube roots: the same values as pow, several times faster.
    const cy = Math.cbrt(yi);
    const raw = 1.5 * ((cy * cy) / Math.sqrt(Math.cbrt(mu)) - Math.sqrt(mu));
    return raw / Math.sqrt(phi * (1 - fit.hat[i]!));
  });
  let denominator = 0;
  for (const si of s) denominator += si > threshold ? si ** -2 : 1;
  const gamma = s.length / denominator;
  return s.map((si) => (si > threshold ? gamma * si ** -2 : gamma));
}

function predict(model: FittedModel, time: number, level: number): { eta: number; seEta: number } {
  const row = designRow(time, level, model.withTrend, model.levelsInModel);
  let eta = 0;
  for (let j = 0; j < row.length; j++) if (!model.fit.aliased[j]) eta += row[j]! * model.fit.coefficients[j]!;
  // predict.glm scales by R's reported dispersion, not by max(phi, 1).
  const seEta = Math.sqrt(model.reportedDispersion * quadraticForm(model.fit.unscaledCovariance, row));
  return { eta, seEta };
}

/**
 * Fits the baseline and predicts the evaluated period.
 *
 * @param time R's 1-based position of the evaluated period.
 */
export function predictFarrington(
  data: ModelData,
  time: number,
  s: FarringtonSettings,
): FarringtonPrediction | null {
  let model = fitWithReweighting(data, s.trend, s);
  if (!model) return null;
  let trendKept = false;
  if (model.withTrend) {
    const { eta } = predict(model, time, s.noPeriods);
    const se = Math.sqrt(model.reportedDispersion * model.fit.unscaledCovariance[1]![1]!);
    const pValue = model.fit.aliased[1]
      ? Number.NaN
      : studentTwoSidedP(model.fit.coefficients[1]! / se, model.fit.dfResidual);
    const significant = pValue < s.pThresholdTrend;
    const noExtrapolation = Math.exp(eta) <= Math.max(...data.response);
    trendKept = s.b >= 3 && significant && noExtrapolation;
    if (!trendKept) {
      model = fitWithReweighting(data, false, s);
      if (!model) return null;
    }
  }
  const { eta, seEta } = predict(model, time, s.noPeriods);
  return { eta, seEta, phi: model.phi, trendKept };
}
