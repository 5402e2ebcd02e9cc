/**
 * The detectors by the method names users type (`--method noufaily`), so the CLI and the
 * pipeline pick them the same way.
 */
import type { Detector } from './detector.js';
import { createEarsDetector } from './ears-detector.js';
import { createFarringtonDetector } from './farrington/farrington-detector.js';
import {
  type FarringtonSettings,
  farringtonSettings,
  noufailySettings,
} from './farrington/farrington-settings.js';
import { createGlrNbDetector } from './glr-nb-detector.js';
import { createPositivityDetector, type PositivityOptions } from './positivity-detector.js';
import type { ProportionDetector } from './proportion-detector.js';

export const detectorMethods = ['farrington', 'noufaily', 'ears-c1', 'ears-c2', 'ears-c3', 'glrnb'] as const;
export type DetectorMethod = (typeof detectorMethods)[number];

export interface DetectorChoice {
  /** Periods per year: 52 (weekly) or 12 (monthly). */
  frequency?: number;
  /** EARS floor for the baseline standard deviation. */
  minSigma?: number;
  c3Mode?: 'textbook' | 'r-compatible';
}

/** Farrington settings rescaled to the period length (b years of `frequency` periods). */
function withFrequency(s: FarringtonSettings, frequency: number): FarringtonSettings {
  if (frequency === 52) return s;
  // Monthly data: ±1 month windows and 4 seasonal blocks keep the same share of the year.
  return {
    ...s,
    frequency,
    w: 1,
    noPeriods: s.noPeriods > 1 ? 4 : 1,
    pastWeeksNotIncluded: s.noPeriods > 1 ? 6 : 1,
    limit54: { cases: s.limit54.cases, weeks: 2 },
  };
}

/**
 * @example
 * createDetector('noufaily').detect(counts, { from: 575 });
 */
export function createDetector(method: DetectorMethod, choice: DetectorChoice = {}): Detector {
  const frequency = choice.frequency ?? 52;
  switch (method) {
    case 'farrington':
      return createFarringtonDetector('farrington', withFrequency(farringtonSettings, frequency));
    case 'noufaily':
      return createFarringtonDetector('noufaily', withFrequency(noufailySettings, frequency));
    case 'ears-c1':
      return createEarsDetector({ method: 'C1', minSigma: choice.minSigma });
    case 'ears-c2':
      return createEarsDetector({ method: 'C2', minSigma: choice.minSigma });
    case 'ears-c3':
      return createEarsDetector({ method: 'C3', minSigma: choice.minSigma, c3Mode: choice.c3Mode });
    case 'glrnb':
      return createGlrNbDetector({ frequency });
  }
}

export function isDetectorMethod(name: string): name is DetectorMethod {
  return (detectorMethods as readonly string[]).includes(name);
}

/** Detectors over x positives of n tested (`--method positivity`): they need a `tested` column. */
export const proportionDetectorMethods = ['positivity'] as const;
export type ProportionDetectorMethod = (typeof proportionDetectorMethods)[number];

/**
 * @example
 * createProportionDetector('positivity').detect(positives, tested, { from: 9 });
 */
export function createProportionDetector(
  method: ProportionDetectorMethod,
  options: PositivityOptions = {},
): ProportionDetector {
  switch (method) {
    case 'positivity':
      return createPositivityDetector(options);
  }
}

export function isProportionDetectorMethod(name: string): name is ProportionDetectorMethod {
  return (proportionDetectorMethods as readonly string[]).includes(name);
}
