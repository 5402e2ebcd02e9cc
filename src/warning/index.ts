/**
 * Early warning, the public face: detectors over count series (EARS C1–C3, Farrington, Noufaily,
 * GLR negative binomial, positivity), the readers of raw reports (substance reports, precursor
 * incidents, wide positivity tables, series CSVs) with their per-row rejects and date guards, and
 * the run that turns reports into rise, novelty and spread signals. Pure: text in, results out.
 */
export {
  createDetector,
  createProportionDetector,
  type DetectorChoice,
  type DetectorMethod,
  detectorMethods,
  isDetectorMethod,
  isProportionDetectorMethod,
  type ProportionDetectorMethod,
  proportionDetectorMethods,
} from './detectors/detector-registry.js';
export type { DetectionPoint, Detector, DetectOptions } from './detectors/detector.js';
export type { ProportionDetector, ProportionPoint } from './detectors/proportion-detector.js';
export {
  type CountSeries,
  guardSeriesPeriods,
  readSeriesCsv,
  type SeriesTableRow,
  seriesFromRows,
} from './series-table.js';
export {
  type ParsedReports,
  parseReports,
  reportSources,
  type SubstanceReport,
  SubstanceReportSchema,
} from './reports/substance-report.js';
export {
  type IncidentChemical,
  type IncidentChemicalResolver,
  looksLikeIncidentHeader,
  type ParsedIncidents,
  parseIncidentReports,
} from './reports/incident-reports.js';
export {
  parsePositivityMapping,
  type PositivityTableMapping,
  positivityTableReports,
} from './reports/positivity-table.js';
export { defaultMaxGap, guardReportDates, type DateWindowOptions } from './reports/outlying-periods.js';
export { type PeriodUnit, periodKey } from './reports/period-keys.js';
export {
  SubstanceSynonyms,
  type SynonymTableData,
  SynonymTableSchema,
} from './reports/substance-synonyms.js';
export { type EarlyWarningOptions, type EarlyWarningResult, runEarlyWarning } from './early-warning-run.js';
