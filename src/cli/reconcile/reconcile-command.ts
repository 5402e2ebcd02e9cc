/**
 * `sentinela reconcile`: the door onto the ledger-reconciliation service. Parses the flags, shows
 * progress, writes the gaps (JSON lines) and the optional aggregate mirror view, prints the summary.
 */
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { CliError, ExitCode } from '../shared/cli-errors.js';
import { dbOption } from '../shared/db-option.js';
import { packagedDataPath } from '../shared/packaged-data.js';
import { renderAggregate, renderSummary } from './reconcile-output.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { numberBetween } from '../shared/option-parsers.js';
import { terminalProgressBar } from '../shared/progress-bar.js';

interface ReconcileFlags {
  exports: string;
  imports: string;
  output?: string;
  aggregate?: string;
  db?: string;
  store: boolean;
  json?: boolean;
  rejects?: string;
  maxLagDays: number;
  maxLeadDays: number;
  freightFactor: number;
  gapZ: number;
  partyThreshold: number;
  exportCountry?: string;
  importCountry?: string;
}

export function register(program: Command, io: CommandIo = processIo()): void {
  program
    .command('reconcile')
    .description(
      'match an exporter ledger with an importer ledger (mirror records) and report the gaps: never imported, never exported, quantity and value gaps beyond their baseline, end user not the importer, re-routing',
    )
    .requiredOption(
      '--exports <file>',
      'export ledger, CSV or JSON lines (record_id,date,exporter,importer,end_user,destination_country,via_countries,hs_code,eccn,description,quantity,unit,value,currency,value_basis)',
    )
    .requiredOption(
      '--imports <file>',
      'import ledger, CSV or JSON lines (record_id,date,importer,exporter,origin_country,hs_code,description,quantity,unit,value,currency,value_basis)',
    )
    .option('--output <file>', 'gaps as JSON lines (default: stdout)')
    .option(
      '--aggregate <file>',
      'also write the mirror view by country pair × HS6 × month (.csv, else JSON lines)',
    )
    .addOption(dbOption('the alerts'))
    .option('--no-store', 'do not append the gaps to the alert store')
    .option('--rejects <file>', 'write every rejected row (file, line, field, reason) as JSON lines')
    .option('--json', 'print the summary as one JSON object on stdout (needs --output)')
    .option(
      '--max-lag-days <n>',
      'latest an import may follow its export',
      numberBetween('--max-lag-days', 0, 730),
      60,
    )
    .option(
      '--max-lead-days <n>',
      'earliest an import may precede its export',
      numberBetween('--max-lead-days', 0, 365),
      7,
    )
    .option('--freight-factor <f>', 'CIF = FOB × (1 + f)', numberBetween('--freight-factor', 0, 2), 0.1)
    .option(
      '--gap-z <z>',
      'robust z from which a quantity or value difference is a gap',
      numberBetween('--gap-z', 1, 1000),
      5,
    )
    .option(
      '--party-threshold <s>',
      'name-matcher score from which two spellings are one party',
      numberBetween('--party-threshold', 0.3, 1),
      0.7,
    )
    .option('--export-country <iso>', "the exporter ledger's country (default: the imports' usual origin)")
    .option(
      '--import-country <iso>',
      "the importer ledger's country (default: the exports' usual destination)",
    )
    .action(async (flags: ReconcileFlags) => {
      if (flags.json && !flags.output)
        throw new CliError(
          '--json prints the summary on stdout, so the gaps need --output FILE',
          ExitCode.inputRejected,
        );
      const options = {
        maxLagDays: flags.maxLagDays,
        maxLeadDays: flags.maxLeadDays,
        freightInsuranceFactor: flags.freightFactor,
        gapZ: flags.gapZ,
        partyThreshold: flags.partyThreshold,
        ...(flags.exportCountry ? { exportCountry: flags.exportCountry.toUpperCase() } : {}),
        ...(flags.importCountry ? { importCountry: flags.importCountry.toUpperCase() } : {}),
      };
      const [{ reconcileLedgerFiles }, { loadControlledItems }, { currentGoodsCatalog }] = await Promise.all([
        import('../../services/reconcile-ledgers.js'),
        import('../../services/reconcile-controlled-items.js'),
        import('../../services/goods-catalog.js'),
      ]);
      const stores = flags.store
        ? await (await import('../../store/index.js')).openStores(flags.db)
        : undefined;
      const progress = await progressBar(io, flags.json === true);
      const eccnList = packagedDataPath('reconcile', 'controlled-items.json');
      // The goods catalog the store holds (the analyst's imported version), else the shipped one.
      const current = stores ? await currentGoodsCatalog(stores) : undefined;
      const goodsCatalog = current ? undefined : packagedDataPath('goods', 'catalog.json');
      const controlledItems = await loadControlledItems({
        ...(eccnList ? { eccnList } : {}),
        ...(current ? { catalog: current.catalog } : {}),
        ...(goodsCatalog ? { goodsCatalog } : {}),
      });
      const started = performance.now();
      try {
        const response = await reconcileLedgerFiles({
          exportsPath: flags.exports,
          importsPath: flags.imports,
          controlledItems,
          options,
          aggregate: flags.aggregate !== undefined,
          ...(stores ? { alerts: stores.alerts } : {}),
          ...(current ? { extraSources: [{ name: 'goods catalog', version: current.versionName }] } : {}),
          onProgress: progress.update,
          onWarning: (text) => io.err(`reconcile: warning: ${text}\n`),
        });
        progress.stop();
        const { result } = response;
        await writeLines(
          io,
          flags.output,
          result.gaps.map((g) => JSON.stringify(g)),
        );
        if (flags.aggregate && result.aggregate)
          await writeLines(io, flags.aggregate, renderAggregate(flags.aggregate, result.aggregate));
        if (flags.rejects)
          await writeLines(
            io,
            flags.rejects,
            response.rejected.map((e) =>
              JSON.stringify({ file: e.file, line: e.line, field: e.field, reason: e.reason }),
            ),
          );
        const seconds = (performance.now() - started) / 1000;
        const summary = renderSummary(response, {
          seconds,
          output: flags.output,
          store: stores?.location,
          aggregate: flags.aggregate,
        });
        if (flags.json) io.out(`${JSON.stringify(summary.json)}\n`);
        io.err(summary.text);
        if (response.exports.accepted === 0 || response.imports.accepted === 0)
          throw new CliError(
            'a ledger has no accepted row; nothing could be reconciled',
            ExitCode.inputRejected,
          );
      } finally {
        progress.stop();
        await stores?.close();
      }
    });
}

async function writeLines(io: CommandIo, path: string | undefined, lines: readonly string[]): Promise<void> {
  if (!path || path === '-') {
    for (let k = 0; k < lines.length; k += 1000) io.out(`${lines.slice(k, k + 1000).join('\n')}\n`);
    return;
  }
  const out = createWriteStream(path);
  for (let k = 0; k < lines.length; k += 1000) {
    const chunk = lines.slice(k, k + 1000).join('\n');
    if (!out.write(`${chunk}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

type ProgressEvent = Parameters<
  NonNullable<
    Parameters<typeof import('../../services/reconcile-ledgers.js').reconcileLedgerFiles>[0]['onProgress']
  >
>[0];

/** The stages of a run as one bar on a terminal (cli/shared/progress-bar.ts decides when one is drawn). */
async function progressBar(
  io: CommandIo,
  json: boolean,
): Promise<{ update: (e: ProgressEvent) => void; stop: () => void }> {
  const bar = await terminalProgressBar(io, {
    json,
    format: 'reconcile [{bar}] {percentage}% | {stage}',
    hideCursor: true,
  });
  if (!bar) return { update: () => {}, stop: () => {} };
  let started = false;
  let stopped = false;
  const stageShare: Record<string, number> = {
    parties: 62,
    matching: 70,
    gaps: 88,
    aggregate: 94,
    storing: 96,
  };
  return {
    update: (e) => {
      if (stopped) return;
      if (!started) {
        bar.start(100, 0, { stage: 'reading' });
        started = true;
      }
      if (e.stage === 'reading')
        bar.update(Math.floor((60 * e.bytesRead) / Math.max(1, e.bytesTotal)), { stage: 'reading ledgers' });
      else bar.update(stageShare[e.stage] ?? 0, { stage: e.stage });
    },
    stop: () => {
      if (started && !stopped) {
        bar.update(100, { stage: 'done' });
        bar.stop();
      }
      stopped = true;
    },
  };
}
