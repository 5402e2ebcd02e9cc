/**
 * The Noufaily et al. (2013) simulation protocol (as in shared/tools/noufaily_sim.R): 42 scenarios,
 * 624 weekly counts (Poisson or negative binomial around a trend + seasonal mean), four past
 * outbreaks in weeks 313–575 and one current outbreak in weeks 576–624, cases spread by a
 * log-normal(0, 0.5) delay. Seeded, so a run can be repeated.
 */

import { seededRandom } from '../../src/core/index.js';
import { gammaVariate, normalVariate } from '../../src/warning/math/random-variates.js';

export interface Scenario {
  id: number;
  theta: number;
  beta: number;
  gamma1: number;
  gamma2: number;
  m: number;
  phi: number;
}

export interface SimulatedSeries {
  scenario: number;
  rep: number;
  yFpr: number[];
  yPod: number[];
  /** 1-based start week and size parameter of the current outbreak. */
  start: number;
  k: number;
  /** 1-based weeks in 576..624 to which the current outbreak added cases. */
  outbreakWeeks: number[];
}

export const weeks = 624;
export const firstEvaluatedWeek = 576;

const parameterSets = [
  [0.1, 0.0025, 0.6, 0.6, 1.5],
  [-2, 0.005, 0.1, 0.3, 2],
  [1.5, 0.003, 0.2, -0.4, 1],
  [0.5, 0.002, 0.5, 0.5, 5],
  [2.5, 0.001, 1, 0.1, 3],
  [3.75, 0.001, 0.1, -0.1, 1.1],
  [5, 0.0001, 0.05, 0.01, 1.2],
] as const;

/** 7 parameter sets × trend off/on × m ∈ {0, 1, 2}, numbered as in the R script. */
export const scenarios: Scenario[] = parameterSets
  .flatMap(([theta, beta, gamma1, gamma2, phi]) =>
    [0, 1].flatMap((trend) =>
      [0, 1, 2].map((m) => ({
        theta,
        beta: trend ? beta : 0,
        gamma1: m ? gamma1 : 0,
        gamma2: m ? gamma2 : 0,
        m,
        phi,
      })),
    ),
  )
  .map((s, i) => ({ id: i + 1, ...s }));

/** The seeded draws the protocol needs (mulberry32 uniforms, normal and gamma variates). */
export class Random {
  readonly uniform: () => number;
  constructor(seed: number) {
    this.uniform = seededRandom(seed);
  }
  normal(): number {
    return normalVariate(this.uniform);
  }
  gamma(shape: number): number {
    return gammaVariate(shape, this.uniform);
  }
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) {
      // Exact: a Poisson(mean) is a sum of Poissons of smaller means, which the product method handles.
      let total = 0;
      let rest = mean;
      while (rest > 30) {
        total += this.poisson(30);
        rest -= 30;
      }
      return total + this.poisson(rest);
    }
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }
  /** Negative binomial with mean mu and variance phi·mu (a gamma–Poisson mixture). */
  negativeBinomial(mu: number, phi: number): number {
    if (phi === 1) return this.poisson(mu);
    const size = mu / (phi - 1);
    return this.poisson((this.gamma(size) * mu) / size);
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.uniform() * values.length)]!;
  }
}

function mean(s: Scenario, t: number): number {
  let seasonal = 0;
  for (let j = 1; j <= s.m; j++) {
    seasonal +=
      s.gamma1 * Math.cos((2 * Math.PI * j * t) / 52) + s.gamma2 * Math.sin((2 * Math.PI * j * t) / 52);
  }
  return Math.exp(s.theta + s.beta * t + seasonal);
}

function outbreak(rng: Random, t0: number, k: number, mu: number[], phi: number): number[] {
  const add = new Array<number>(weeks).fill(0);
  const cases = rng.poisson(k * Math.sqrt(phi * mu[t0 - 1]!));
  for (let c = 0; c < cases; c++) {
    const t = t0 + Math.floor(Math.exp(0.5 * rng.normal()));
    if (t <= weeks) add[t - 1]!++;
  }
  return add;
}

/** Replicate `rep` of scenario `s`, seeded as 100000·scenario + rep. */
export function simulateSeries(s: Scenario, rep: number): SimulatedSeries {
  const rng = new Random(100000 * s.id + rep);
  const mu = Array.from({ length: weeks }, (_, i) => mean(s, i + 1));
  const base = mu.map((m) => rng.negativeBinomial(m, s.phi));
  const past = new Array<number>(weeks).fill(0);
  for (let o = 0; o < 4; o++) {
    const k = rng.pick([2, 3, 5, 10]);
    const t0 = 313 + Math.floor(rng.uniform() * (575 - 313 + 1));
    outbreak(rng, t0, k, mu, s.phi).forEach((v, i) => {
      past[i]! += v;
    });
  }
  const k = 1 + Math.floor(rng.uniform() * 10);
  const start = firstEvaluatedWeek + Math.floor(rng.uniform() * (weeks - firstEvaluatedWeek + 1));
  const current = outbreak(rng, start, k, mu, s.phi);
  const yFpr = base.map((b, i) => b + past[i]!);
  const yPod = yFpr.map((y, i) => y + current[i]!);
  const outbreakWeeks: number[] = [];
  for (let w = firstEvaluatedWeek; w <= weeks; w++) if (current[w - 1]! > 0) outbreakWeeks.push(w);
  return { scenario: s.id, rep, yFpr, yPod, start, k, outbreakWeeks };
}
