/** `sentinela targeting eval`: precision, recall, revenue at 1/2/5/10 % and AUC on labelled declarations. */
import type { Command } from 'commander';
import type { RankingQuality } from '../../targeting/index.js';
import { CliError, ExitCode } from '../shared/cli-errors.js';
import { loadModel, loadWeights, readDeclarationFiles } from './targeting-io.js';
import { type CommandIo, processIo } from '../shared/command-io.js';

export interface EvalCommandOptions {
  model: string;
  input: string;
  json?: boolean;
  weights?: string;
}

/** What `eval` reports; revenue is Item Price × Tax Rate / 100 (the duty at stake) of positive rows. */
export interface EvalReport {
  input: string;
  declarations: number;
  revenueNotion: string;
  fraud: RankingQuality;
  /** Ranked by the model's critical-fraud trees when it has them, else by the fraud score. */
  criticalFraud: RankingQuality;
  criticalRankedBy: 'critical_score' | 'score';
}

export async function runTargetingEval(
  o: EvalCommandOptions,
  io: CommandIo = processIo(),
): Promise<EvalReport> {
  const { TargetingScorer, rankingQuality } = await import('../../targeting/index.js');
  const model = await loadModel(o.model);
  const weights = o.weights ? await loadWeights(o.weights) : undefined;
  const declarations = await readDeclarationFiles([o.input], io);
  const unlabelled = declarations.find((d) => !d.labels);
  if (unlabelled)
    throw new CliError(
      `${o.input}: no "Fraud" column; eval needs labelled declarations`,
      ExitCode.inputRejected,
    );
  const scorer = new TargetingScorer(model, { weights, explain: false });
  const scored = declarations.map((d) => scorer.score(d));
  const scores = scored.map((s) => s.score);
  const criticalRankedBy = model.criticalBooster ? 'critical_score' : 'score';
  const criticalScores = model.criticalBooster ? scored.map((s) => s.critical) : scores;
  const revenue = declarations.map((d) => (Number.isNaN(d.taxRate) ? 0 : (d.value * d.taxRate) / 100));
  const report: EvalReport = {
    input: o.input,
    declarations: declarations.length,
    revenueNotion: 'Item Price × Tax Rate / 100 of the positive rows found (share of the total)',
    fraud: rankingQuality(
      scores,
      declarations.map((d) => d.labels!.fraud),
      revenue,
    ),
    criticalRankedBy,
    criticalFraud: rankingQuality(
      criticalScores,
      declarations.map((d) => (d.labels!.critical === 2 ? 1 : 0)),
      revenue,
    ),
  };
  if (o.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(formatReport(report));
  return report;
}

/** The human-readable table. */
export function formatReport(r: EvalReport): string {
  const lines = [`${r.input}: ${r.declarations} declarations; revenue = ${r.revenueNotion}`];
  for (const [name, q] of [
    ['Fraud = 1', r.fraud],
    [`Critical Fraud = 2 (ranked by ${r.criticalRankedBy})`, r.criticalFraud],
  ] as const) {
    lines.push(`\n${name}: ${q.positives} positives, AUC ${q.auc.toFixed(4)}`);
    lines.push('  top k%  inspected  precision  recall  revenue');
    for (const a of q.atK)
      lines.push(
        `  ${`${a.percent}%`.padStart(6)}  ${String(a.inspected).padStart(9)}  ${a.precision.toFixed(3).padStart(9)}  ${a.recall.toFixed(3).padStart(6)}  ${Number.isNaN(a.revenue) ? '    -' : a.revenue.toFixed(3).padStart(7)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function registerTargetingEval(targeting: Command, io: CommandIo = processIo()): void {
  targeting
    .command('eval')
    .description(
      'precision/recall/revenue at 1, 2, 5, 10 % and AUC on labelled declarations (also Critical Fraud = 2)',
    )
    .requiredOption('--model <file>', 'model JSON from `targeting train`')
    .requiredOption('--input <file>', 'labelled declarations CSV')
    .option('--weights <file>', 'indicator weight set (default: the one stored in the model)')
    .option('--json', 'machine-readable output')
    .action(async (o: EvalCommandOptions) => {
      await runTargetingEval(o, io);
    });
}
