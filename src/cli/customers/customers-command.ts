/**
 * `sentinela customers import FILE`: stores a customer base (the columns of `screen --input`: id,
 * name, schema, birth_date, country, nationality, gender, id_number; CSV or JSON lines) as a new
 * version for `sentinela monitor`. All or nothing: any bad row is reported with its line and field
 * and nothing is stored.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError, type PartyQuery } from '../../core/index.js';
import { ServiceError } from '../../services/service-error.js';
import { CliError, ExitCode } from '../shared/cli-errors.js';
import { readBatchFile } from '../../services/party-batch-file.js';
import { type CommandIo, processIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';

interface ImportFlags {
  db?: string;
  json?: boolean;
}

export function register(program: Command, io: CommandIo = processIo()): void {
  const customers = program
    .command('customers')
    .description('the stored customer base that `monitor` screens');
  customers
    .command('import')
    .description('store a customer base (columns of `screen --input`) as a new version')
    .argument('<file>', 'CSV or JSON lines: id,name[,schema,birth_date,country,nationality,gender,id_number]')
    .addOption(dbOption('the customer bases'))
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: ImportFlags) => {
      const rows = readBatchFile(file);
      const customers: PartyQuery[] = [];
      for (const row of rows) {
        if ('reject' in row) {
          throw new InputError(`${row.reject.reason}; nothing imported (fix the row and import again)`, {
            file,
            line: row.reject.line,
            field: row.reject.field,
          });
        }
        customers.push(row.query);
      }
      const { openStores } = await import('../../store/index.js');
      const { importCustomers } = await import('../../services/customers-import.js');
      const stores = await openStores(flags.db);
      try {
        const result = await importCustomers(stores, { path: file, bytes: readFileSync(file), customers });
        if (flags.json) io.out(`${JSON.stringify(result)}\n`);
        else {
          io.out(
            `imported customer base ${result.version.id}: ${result.version.customerCount} customers from ${file} into ${stores.location}\n` +
              `  stored in ${result.storeSeconds.toFixed(2)} s; name index built in ${result.indexSeconds.toFixed(2)} s\n`,
          );
        }
      } catch (error) {
        if (error instanceof ServiceError) throw new CliError(error.message, ExitCode.inputRejected);
        if (error instanceof InputError && !error.file) {
          throw new InputError(error.reason, {
            file,
            ...(error.line ? { line: error.line } : {}),
            ...(error.field ? { field: error.field } : {}),
          });
        }
        throw error;
      } finally {
        await stores.close();
      }
    });
}
