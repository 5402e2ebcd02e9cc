/**
 * `sentinela warning run`: raw identification reports → rise, novelty and spread signals, written
 * as JSON lines and stored as alerts (SQLite, `--db`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { formatLocation } from '../../core/input-error.js';
import { CliError, ExitCode } from '../shared/cli-errors.js';
import { dbOption } from '../shared/db-option.js';
import { packagedDataPath } from '../shared/packaged-data.js';
import type { CommandIo } from '../shared/command-io.js';
import { parseCount, parseIsoDate, parsePositiveCount } from '../shared/option-parsers.js';

interface RunFlags {
  input: string;
  output: string;
  db?: string;
  period: 'week' | 'month' | 'year';
  format?: 'csv' | 'jsonl';
  synonyms?: string;
  store: boolean;
  evaluate?: number;
  lookBack?: number;
  minPrior?: number;
  positivityTable?: string;
  maxGap?: number;
  notBefore?: string;
  notAfter?: string;
  incidents?: boolean;
}

/** The shipped table, found both from `src/cli` (tsx) and `dist/src/cli` (built). */
function defaultSynonymsPath(): string {
  const path = packagedDataPath('warning', 'substance-synonyms.json');
  if (path) return path;
  throw new CliError('cannot find data/warning/substance-synonyms.json; pass --synonyms PATH');
}

/** The input as a wide positivity table, mapped by a JSON file checked field by field. */
async function readPositivityTable(text: string, input: string, mappingPath: string) {
  const { parsePositivityMapping, positivityTableReports } = await import('../../warning/index.js');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(mappingPath, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read ${mappingPath}: ${(error as Error).message}`);
  }
  return positivityTableReports(text, parsePositivityMapping(raw, mappingPath), input);
}

export function registerWarningRun(warning: Command, io: CommandIo): void {
  warning
    .command('run')
    .description(
      'Detect rises, new substances and spread in raw reports (date,region,substance[,count,tested,...]); rows with tested are judged on positivity; --incidents reads precursor seizure reports (date,country,chemical|cas[,quantity,unit])',
    )
    .requiredOption('--input <file>', 'reports as CSV or JSON lines')
    .requiredOption('--output <file>', 'signals as JSON lines (one alert per line)')
    .addOption(dbOption('the alerts'))
    .option('--no-store', 'do not write alerts to the database')
    .addOption(
      new Option('--period <unit>', 'week | month | year').choices(['week', 'month', 'year']).default('week'),
    )
    .addOption(
      new Option('--format <format>', 'csv | jsonl (default from the file extension)').choices([
        'csv',
        'jsonl',
      ]),
    )
    .option('--synonyms <file>', 'substance synonym table (default data/warning/substance-synonyms.json)')
    .option('--evaluate <n>', 'raise rise/spread signals for the last n periods', parseCount)
    .option('--look-back <n>', 'novelty: first appearances within the last n periods', parseCount)
    .option(
      '--min-prior <n>',
      'novelty: periods of data before a first appearance for it to count as new',
      parseCount,
    )
    .option(
      '--positivity-table <mapping.json>',
      'read --input as a wide monthly table (month, samples tested, positives per substance in columns) mapped by this JSON: {periodColumn, testedColumn, positives: {substance: column}, region, source?}',
    )
    .option(
      '--max-gap <periods>',
      'reject rows separated from the rest of the data by more than this many periods with no data (default 104 weeks, 24 months, 5 years)',
      parsePositiveCount,
    )
    .option('--not-before <date>', 'reject rows dated before this day (YYYY-MM-DD)', parseIsoDate)
    .option('--not-after <date>', 'reject rows dated after this day (default: today)', parseIsoDate)
    .option(
      '--incidents',
      'read --input as precursor seizure/incident reports (date,country,chemical and/or cas[,quantity,unit]), one incident per row, chemicals resolved through the goods catalog; unlisted chemicals are kept under their written names',
    )
    .action(async (flags: RunFlags) => {
      const { guardReportDates, parseReports } = await import('../../warning/index.js');
      const unit = flags.period;
      let bytes: Buffer;
      try {
        bytes = readFileSync(flags.input);
      } catch (error) {
        throw new CliError(`cannot read ${flags.input}: ${(error as Error).message}`);
      }
      const format = flags.format ?? (/\.(jsonl|ndjson|json)$/i.test(flags.input) ? 'jsonl' : 'csv');
      // The one input decoder: lab exports in Windows-1252 or UTF-16, mixed line ends.
      const { decodeInput } = await import('../../input/index.js');
      const decoded = decodeInput(bytes, flags.input);
      for (const w of decoded.warnings) io.err(`warning run: warning: ${w}\n`);
      const text = decoded.text;
      if (!flags.incidents && !flags.positivityTable && format === 'csv') {
        // A file with a country and a chemical or CAS column but no region is an incident file.
        const { looksLikeIncidentHeader } = await import('../../warning/index.js');
        const header = (text.split(/\r?\n/, 1)[0] ?? '')
          .split(',')
          .map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
        if (looksLikeIncidentHeader(header) && !header.includes('region')) {
          flags.incidents = true;
          io.err('warning run: the header names date, country and a chemical: reading incidents\n');
        }
      }
      if (flags.incidents && (flags.positivityTable || flags.synonyms))
        throw new CliError('--incidents cannot be combined with --positivity-table or --synonyms');
      // Incidents are resolved through the store's goods catalog, so the store opens first.
      const earlyStores =
        flags.incidents && flags.store
          ? await (await import('../../store/index.js')).openStores(flags.db)
          : undefined;
      let incidents:
        | Awaited<ReturnType<typeof import('../../services/index.js').readIncidentReports>>
        | undefined;
      try {
        if (flags.incidents) {
          const { readIncidentReports } = await import('../../services/index.js');
          incidents = await readIncidentReports(text, format, {
            file: flags.input,
            ...(earlyStores && { stores: earlyStores }),
          });
        }
      } catch (error) {
        await earlyStores?.close();
        throw error;
      }
      const parsed: { tableRows?: number } & ReturnType<typeof parseReports> = incidents
        ? incidents
        : flags.positivityTable
          ? await readPositivityTable(text, flags.input, flags.positivityTable)
          : parseReports(text, format, flags.input);
      // Far-out dates are rejected per row before they can stretch every series.
      guardReportDates(parsed, {
        unit,
        maxGap: flags.maxGap,
        notBefore: flags.notBefore,
        notAfter: flags.notAfter ?? new Date().toISOString().slice(0, 10),
      });
      for (const r of parsed.rejected.slice(0, 20)) {
        io.err(
          `warning run: ${formatLocation({ file: flags.input, line: r.line, field: r.field })}${r.reason}\n`,
        );
      }
      if (parsed.rejected.length > 20)
        io.err(`warning run: … ${parsed.rejected.length - 20} more rejected rows\n`);

      if (parsed.accepted.length === 0) {
        await earlyStores?.close();
        const rows = parsed.tableRows ?? parsed.rejected.length;
        throw new CliError(
          rows === 0
            ? `${flags.input}: no report rows; nothing to judge`
            : `${flags.input}: all ${rows} rows rejected; no signals computed`,
          ExitCode.inputRejected,
        );
      }

      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const { runEarlyWarningOnReports } = await import('../../services/index.js');
      const stores =
        earlyStores ??
        (flags.store ? await (await import('../../store/index.js')).openStores(flags.db) : undefined);
      let result: Awaited<ReturnType<typeof runEarlyWarningOnReports>>;
      try {
        result = await runEarlyWarningOnReports(parsed.accepted, {
          unit,
          ...(!incidents && {
            synonyms: JSON.parse(readFileSync(flags.synonyms ?? defaultSynonymsPath(), 'utf8')),
          }),
          evaluatePeriods: flags.evaluate,
          noveltyLookBack: flags.lookBack,
          noveltyMinimumPrior: flags.minPrior,
          sources: [{ name: flags.input, sha256 }],
          ...(stores && { stores }),
        });
      } finally {
        await stores?.close();
      }
      const unmapped = result.unmapped;
      writeFileSync(
        flags.output,
        result.alerts.map((a) => JSON.stringify(a)).join('\n') + (result.alerts.length ? '\n' : ''),
      );
      const stored =
        result.recorded && stores
          ? `; store ${stores.location}: ${result.recorded.inserted} new, ${result.recorded.unchanged} already stored`
          : '';
      const bySignal: Record<string, number> = {};
      for (const a of result.alerts) {
        const s = String(a.evidence.data.signal);
        bySignal[s] = (bySignal[s] ?? 0) + 1;
      }
      const agg = result.aggregation;
      if (agg.mixedDenominators.length) {
        io.err(
          `warning run: ${agg.mixedDenominators.length} series have rows with and without "tested"; judged on counts only (${agg.mixedDenominators.slice(0, 5).join(', ')}${agg.mixedDenominators.length > 5 ? ', …' : ''})\n`,
        );
      }
      const positivitySeries = agg.series.filter((s) => s.tested).length;
      let names = `warning run: ${unmapped.length} substance names not in the synonym table${unmapped.length ? ` (${[...unmapped].slice(0, 8).join(', ')}${unmapped.length > 8 ? ', …' : ''})` : ''}\n`;
      if (incidents) {
        const unlisted = [...incidents.unlisted].map(
          ([name, lines]) =>
            `${name} (line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 3).join(', ')}${lines.length > 3 ? ', …' : ''})`,
        );
        names =
          `warning run: chemicals resolved through goods catalog ${incidents.catalog}: ${incidents.resolvedBy.cas} by CAS number, ${incidents.resolvedBy.name} by name\n` +
          (unlisted.length
            ? `warning run: warning: ${unlisted.length} chemical${unlisted.length === 1 ? '' : 's'} not in the catalog, kept under their written names: ${unlisted.slice(0, 8).join('; ')}${unlisted.length > 8 ? '; …' : ''}\n`
            : '');
      }
      io.err(
        (parsed.tableRows !== undefined
          ? `warning run: ${parsed.tableRows} table rows in = ${parsed.tableRows - parsed.rejected.length} accepted + ${parsed.rejected.length} rejected (${parsed.accepted.length} reports)\n`
          : `warning run: ${parsed.accepted.length + parsed.rejected.length} ${incidents ? 'incidents' : 'reports'} in = ${parsed.accepted.length} accepted + ${parsed.rejected.length} rejected\n`) +
          names +
          `warning run: ${agg.series.length} series over ${agg.periods.length} ${unit}s (${agg.periods[0] ?? '-'} … ${agg.periods.at(-1) ?? '-'}), ${positivitySeries} with samples tested; rise detectors: ${JSON.stringify(result.detectorUse)}\n` +
          `warning run: ${result.alerts.length} signals (${
            Object.entries(bySignal)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ') || 'none'
          }) → ${flags.output}${stored}\n`,
      );
    });
}
