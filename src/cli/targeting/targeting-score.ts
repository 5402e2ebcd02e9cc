/** `sentinela targeting score`: score declarations, fill the inspection capacity, write a CSV with reasons. */
import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { CliError, ExitCode, toCliError } from '../shared/cli-errors.js';
import { csvLine } from '../../input/index.js';
import { loadModel, loadWeights, readDeclarationFiles } from './targeting-io.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';
import { parseCount, parseInteger, shareParser } from '../shared/option-parsers.js';

export interface ScoreCommandOptions {
  model?: string;
  input: string;
  output?: string;
  capacity: string;
  per: 'all' | 'day' | 'office';
  exploration: number;
  explorationMode: 'uncertain' | 'random';
  seed: number;
  weights?: string;
  top: number;
  /** Screen every party against the lists in the store (the `watchlisted-party` rule). */
  screenParties?: boolean;
  /** File the declarations selected for inspection as alerts in the queue. */
  store?: boolean;
  db?: string;
}

/** Columns of the output CSV, in order. */
export const scoreColumns = [
  'Declaration ID',
  'score',
  'model_score',
  'rules_score',
  'critical_score',
  'selected',
  'selection_reason',
  'rank',
  'reasons',
] as const;

export async function runTargetingScore(o: ScoreCommandOptions, io: CommandIo = processIo()) {
  const { parseCapacity, reasonText } = await import('../../targeting/index.js');
  const capacity = parseCapacity(o.capacity);
  if (!capacity)
    throw new CliError(
      `--capacity "${o.capacity}": write a share like 5% or a count like 120`,
      ExitCode.inputRejected,
    );
  const { exploration, seed, top } = o;

  const model = o.model ? await loadModel(o.model) : undefined;
  const weights = o.weights || !model ? await loadWeights(o.weights) : undefined;
  const declarations = await readDeclarationFiles([o.input], io);
  const { scoreDeclarations } = await import('../../services/index.js');
  const needsStores = o.screenParties === true || o.store === true;
  const stores = needsStores ? await (await import('../../store/index.js')).openStores(o.db) : undefined;
  let scored: Awaited<ReturnType<typeof scoreDeclarations>>;
  try {
    scored = await scoreDeclarations(declarations, {
      ...(model && { model }),
      ...(weights && { weights }),
      top,
      capacity,
      scope: o.per,
      exploration,
      explorationMode: o.explorationMode,
      seed,
      ...(stores && { stores }),
      screenParties: o.screenParties === true,
      recordAlerts: o.store === true,
      input: o.input,
    });
  } finally {
    await stores?.close();
  }
  const { scores, selection, seconds } = scored;
  if (scored.inactiveRules.length)
    io.err(`inactive rules (no hook given): ${scored.inactiveRules.join(', ')}\n`);
  if (!model) io.err('no --model: scoring with the indicator rules only\n');
  const lines = [csvLine(scoreColumns)];
  scores.forEach((s, i) => {
    const sel = selection[i]!;
    lines.push(
      csvLine([
        s.id,
        String(s.score),
        Number.isNaN(s.model) ? '' : String(s.model),
        String(s.rules),
        Number.isNaN(s.critical) ? '' : String(s.critical),
        sel.selected ? 1 : 0,
        sel.reason,
        sel.rankInGroup,
        reasonText(s),
      ]),
    );
  });
  const csv = `${lines.join('\n')}\n`;
  if (o.output) writeFileSync(o.output, csv);
  else io.out(csv);
  const picked = selection.filter((s) => s.selected);
  io.err(
    `scored ${scores.length} declarations in ${seconds.toFixed(2)} s; selected ${picked.length} for inspection (${picked.filter((s) => s.reason !== 'risk').length} exploration)${o.output ? ` -> ${o.output}` : ''}\n`,
  );
  if (scored.partyScreening)
    io.err(
      `screened ${scored.partyScreening.screened} distinct party names against the watchlists: ${scored.partyScreening.listed} listed\n`,
    );
  if (scored.recorded && stores)
    io.err(
      `alerts in ${stores.location}: ${scored.recorded.inserted} new, ${scored.recorded.unchanged} already in the queue\n`,
    );
  return { scored: scores.length, selected: picked.length };
}

export function registerTargetingScore(targeting: Command, io: CommandIo = processIo()): void {
  targeting
    .command('score')
    .description('score declarations or crossings and pick the ones to inspect; writes a CSV with reasons')
    .requiredOption('--input <file>', 'declarations CSV (KCS format or crossing manifest); labels not needed')
    .option('--model <file>', 'model JSON from `targeting train` (without it: indicator rules only)')
    .option('--output <file>', 'output CSV (default: stdout)')
    .option('--capacity <n|k%>', 'inspections: a share (5%) or a count (120) per group', '5%')
    .addOption(
      new Option('--per <scope>', 'capacity applies to: all, day or office (port of entry)')
        .choices(['all', 'day', 'office'])
        .default('all'),
    )
    .option(
      '--exploration <share>',
      'share of inspections reserved for exploration',
      shareParser('--exploration'),
      0.1,
    )
    .addOption(
      new Option('--exploration-mode <mode>', 'exploration picks: uncertain (score near 0.5) or random')
        .choices(['uncertain', 'random'])
        .default('uncertain'),
    )
    .option('--seed <n>', 'seed for exploration picks', parseInteger, 1)
    .option('--top <n>', 'model contributions listed per declaration in reasons', parseCount, 3)
    .option('--weights <file>', 'indicator weight set (default: the one stored in the model)')
    .option(
      '--screen-parties',
      'screen shippers, consignees, carriers and other parties against the watchlists in the store',
    )
    .option('--store', 'file the declarations selected for inspection as alerts in the queue')
    .addOption(dbOption('the lists and alerts'))
    .action(async (o: ScoreCommandOptions) => {
      try {
        await runTargetingScore(o, io);
      } catch (error) {
        throw toCliError(error);
      }
    });
}
