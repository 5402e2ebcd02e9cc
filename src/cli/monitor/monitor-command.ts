/**
 * `sentinela monitor`: the nightly job after `lists update` — screens the stored customer base
 * against what the lists added or changed since the last run, raises alerts for new matches, and
 * closes the open alerts of entities removed from a list. Prints what it screened and raised.
 */
import type { Command } from 'commander';
import { ServiceError } from '../../services/service-error.js';
import { CliError, ExitCode } from '../shared/cli-errors.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';
import { parseScore } from '../shared/option-parsers.js';

interface MonitorFlags {
  db?: string;
  threshold?: number;
  json?: boolean;
}

/** Adds `monitor`; `io` is swappable so tests run it in-process. */
export function register(program: Command, io: CommandIo = processIo()): void {
  program
    .command('monitor')
    .description(
      'screen the stored customers against what the lists changed since the last run; raise alerts',
    )
    .addOption(dbOption('the customers, lists and alerts'))
    .option(
      '-t, --threshold <score>',
      'match threshold from 0 to 1 (default: the matcher default)',
      parseScore,
    )
    .option('--json', 'print the result as JSON')
    .action(async (flags: MonitorFlags) => {
      const { openStores } = await import('../../store/index.js');
      const { runMonitor } = await import('../../services/monitor.js');
      const stores = await openStores(flags.db);
      try {
        const result = await runMonitor(stores, {
          ...(flags.threshold === undefined ? {} : { threshold: flags.threshold }),
          log: (line) => io.err(`${line}\n`),
        });
        if (flags.json) {
          io.out(`${JSON.stringify(result)}\n`);
          return;
        }
        const lines = [
          `monitored customer base ${result.customerVersion} (${result.customers} customers), ${result.mode === 'changes' ? 'changes only' : 'whole base'}:`,
        ];
        for (const l of result.lists) {
          lines.push(
            `  ${l.list}: ${l.from === undefined ? 'first version' : `@${l.from}`} → @${l.to}: ${l.added} added, ${l.changed} changed, ${l.removed} removed`,
          );
        }
        if (result.lists.length === 0) lines.push('  no list changed since the last run');
        lines.push(
          `  ${result.customersScored} customers scored; ${result.alertsRaised} new alerts, ${result.alertsAlreadyRaised} already raised, ${result.alertsClosed} closed; ${result.seconds.toFixed(2)} s`,
        );
        io.out(`${lines.join('\n')}\n`);
      } catch (error) {
        if (error instanceof ServiceError) throw new CliError(error.message, ExitCode.inputRejected);
        throw error;
      } finally {
        await stores.close();
      }
    });
}
