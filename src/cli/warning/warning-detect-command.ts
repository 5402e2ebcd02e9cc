/**
 * `sentinela warning detect`: run one outbreak detector over count series given as
 * `series,period,count` (or, for `--method positivity`, `series,period,count,tested`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { type CsvValue, csvLine } from '../../input/index.js';
import {
  type CountSeries,
  detectorMethods,
  type ProportionDetector,
  proportionDetectorMethods,
} from '../../warning/index.js';
import { CliError, ExitCode, failIfAllRejected } from '../shared/cli-errors.js';
import type { CommandIo } from '../shared/command-io.js';
import { parseInteger, parseNonNegative, parsePositiveCount, shareParser } from '../shared/option-parsers.js';

interface DetectFlags {
  input: string;
  method: string;
  fromPeriod: number;
  output?: string;
  frequency: number;
  minSigma?: number;
  c3Mode: 'textbook' | 'r-compatible';
  alpha?: number;
  dispersionConfidence?: number;
  maxGap?: number;
}

function formatNumber(v: number | null): string {
  return v === null || Number.isNaN(v) ? 'NA' : String(Number(v.toPrecision(10)));
}

/** Periods of `s` before `from`; says on stderr when that is less history than the detector needs. */
function historyBefore(
  io: CommandIo,
  s: CountSeries,
  from: number,
  detector: { name: string; minimumHistory: number },
): number {
  const fromIndex = Math.max(0, from - s.firstPeriod);
  if (fromIndex < detector.minimumHistory) {
    io.err(
      `warning detect: series "${s.id}": ${fromIndex} periods of history before ${from}; ${detector.name} needs ${detector.minimumHistory} (no bound where history is short)\n`,
    );
  }
  return fromIndex;
}

/** The five cells every detector's row starts with: series, period, expected, upper bound, alarm. */
function pointCells(
  s: { id: string; firstPeriod: number },
  p: { period: number; expected: number | null; upperbound: number | null; alarm: boolean | null },
): CsvValue[] {
  const alarm = p.alarm === null ? 'NA' : p.alarm ? '1' : '0';
  return [s.id, p.period + s.firstPeriod, formatNumber(p.expected), formatNumber(p.upperbound), alarm];
}

/** The positivity rows: the usual five columns, then tested, the shares and the p-value. */
function detectPositivity(
  io: CommandIo,
  series: readonly CountSeries[],
  from: number,
  detector: ProportionDetector,
): { csv: string; evaluated: number; alarms: number } {
  const lines = ['series,period,expected,upperbound,alarm,tested,expected_share,upper_share,p_value'];
  let evaluated = 0;
  let alarms = 0;
  for (const s of series) {
    const fromIndex = historyBefore(io, s, from, detector);
    for (const p of detector.detect(s.counts, s.tested ?? s.counts.map(() => 0), { from: fromIndex })) {
      evaluated++;
      if (p.alarm) alarms++;
      lines.push(
        csvLine([
          ...pointCells(s, p),
          p.tested,
          formatNumber(p.expectedShare),
          formatNumber(p.upperShare),
          formatNumber(p.pValue),
        ]),
      );
    }
  }
  return { csv: `${lines.join('\n')}\n`, evaluated, alarms };
}

export function registerWarningDetect(warning: Command, io: CommandIo): void {
  warning
    .command('detect')
    .description(
      'Apply a detector to count series (CSV columns series,period,count[,tested]; period an integer index)',
    )
    .requiredOption('--input <file>', 'CSV with columns series,period,count (positivity: also tested)')
    .addOption(
      new Option('--method <name>', 'the detector (positivity: count positives of tested)')
        .choices([...detectorMethods, ...proportionDetectorMethods])
        .makeOptionMandatory(),
    )
    .requiredOption(
      '--from-period <n>',
      'first period to evaluate; earlier periods are history',
      parseInteger,
    )
    .option('--output <file>', 'write series,period,expected,upperbound,alarm here (default stdout)')
    .option('--frequency <n>', 'periods per year (52 weekly, 12 monthly)', parsePositiveCount, 52)
    .option(
      '--min-sigma <x>',
      'EARS: floor for the baseline standard deviation (R default 0)',
      parseNonNegative,
    )
    .addOption(
      new Option('--c3-mode <mode>', 'EARS C3: textbook (current week counts) or r-compatible')
        .choices(['textbook', 'r-compatible'])
        .default('textbook'),
    )
    .option(
      '--alpha <p>',
      'positivity: one-sided false-alarm probability per period (default 0.005)',
      shareParser('--alpha'),
    )
    .option(
      '--dispersion-confidence <c>',
      'positivity: upper confidence taken on the between-period overdispersion (default 0.8; 0 = plug-in)',
      shareParser('--dispersion-confidence'),
    )
    .option(
      '--max-gap <periods>',
      'reject rows separated from the rest of their series by more than this many periods with no data (default 2 × --frequency)',
      parsePositiveCount,
    )
    .action(async (flags: DetectFlags) => {
      const { formatLocation } = await import('../../core/index.js');
      const {
        guardSeriesPeriods,
        readSeriesCsv,
        seriesFromRows,
        createDetector,
        createProportionDetector,
        isDetectorMethod,
        isProportionDetectorMethod,
      } = await import('../../warning/index.js');
      const proportion = isProportionDetectorMethod(flags.method);
      const from = flags.fromPeriod;
      let text: string;
      try {
        text = readFileSync(flags.input, 'utf8');
      } catch (error) {
        throw new CliError(`cannot read ${flags.input}: ${(error as Error).message}`);
      }
      const records = readSeriesCsv(text, flags.input, { tested: proportion });
      const frequency = flags.frequency;
      const maxGap = flags.maxGap ?? 2 * frequency;
      // Far-out periods are rejected per row before a series is laid out up to them.
      const guarded = guardSeriesPeriods(records, maxGap);
      for (const r of guarded.rejected.slice(0, 20)) {
        io.err(
          `warning detect: ${formatLocation({ file: flags.input, line: r.line, field: r.field })}${r.reason}\n`,
        );
      }
      if (guarded.rejected.length > 20)
        io.err(`warning detect: … ${guarded.rejected.length - 20} more rejected rows\n`);
      if (records.length === 0) throw new CliError(`${flags.input}: no data rows`, ExitCode.inputRejected);
      failIfAllRejected(flags.input, { read: records.length, accepted: guarded.accepted.length });
      const series = seriesFromRows(guarded.accepted, flags.input);
      const counted = `${records.length} rows in = ${guarded.accepted.length} accepted + ${guarded.rejected.length} rejected`;
      if (proportion) {
        const detector = createProportionDetector('positivity', {
          alpha: flags.alpha,
          dispersionConfidence: flags.dispersionConfidence,
        });
        const out = detectPositivity(io, series, from, detector);
        if (flags.output) writeFileSync(flags.output, out.csv);
        else io.out(out.csv);
        io.err(
          `warning detect: ${series.length} series, ${counted}, ${out.evaluated} periods evaluated with positivity, ${out.alarms} alarms\n`,
        );
        return;
      }
      if (!isDetectorMethod(flags.method)) return;
      const detector = createDetector(flags.method, {
        frequency,
        minSigma: flags.minSigma,
        c3Mode: flags.c3Mode,
      });
      const lines = ['series,period,expected,upperbound,alarm'];
      let alarms = 0;
      let evaluated = 0;
      for (const s of series) {
        const fromIndex = historyBefore(io, s, from, detector);
        for (const p of detector.detect(s.counts, { from: fromIndex })) {
          evaluated++;
          if (p.alarm) alarms++;
          lines.push(csvLine(pointCells(s, p)));
        }
      }
      const out = `${lines.join('\n')}\n`;
      if (flags.output) writeFileSync(flags.output, out);
      else io.out(out);
      io.err(
        `warning detect: ${series.length} series, ${counted}, ${evaluated} periods evaluated with ${detector.name}, ${alarms} alarms\n`,
      );
    });
}
