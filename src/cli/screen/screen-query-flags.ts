/**
 * The qualifier flags of `screen NAME` and `screen review` (schema, birth date, country…) and the
 * query they make, in one place so the two commands build and check a query the same way. Kept
 * zod-free: `screen "NAME"` start-up is the cost (core/party-query-check.ts).
 */
import { type Command, Option } from 'commander';
import type { PartyQuery } from '../../core/index.js';
import { checkPartyQuery } from '../../core/party-query-check.js';
import { CliError, ExitCode } from '../shared/cli-errors.js';

/** What the qualifier options put in the flags of a command. */
export interface QualifierFlags {
  schema?: string;
  birthDate?: string;
  country?: string;
  nationality?: string;
  gender?: string;
  idNumber?: string;
}

/**
 * Adds the qualifier options to `command`.
 * @example addQualifierOptions(program.command('screen').argument('[name]')).action(…)
 */
export function addQualifierOptions(command: Command): Command {
  return command
    .option('--schema <schema>', 'Person, Organization, Company, LegalEntity, Vessel or Aircraft')
    .option('--birth-date <date>', 'date of birth: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--country <country>', 'country of residence or registration')
    .option('--nationality <nationality>', 'nationality')
    .addOption(new Option('--gender <gender>', 'gender').choices(['male', 'female']))
    .option('--id-number <id>', 'passport, tax id, R.F.C., C.U.R.P., IMO…');
}

/**
 * The query built from the command-line name and qualifier flags, validated like a batch row (by
 * the schema's rules without zod; zod is loaded only to word a refusal, naming the flag).
 *
 * @example
 * const query = await queryFromFlags('Joaquin Guzman', { birthDate: '1957' });
 */
export async function queryFromFlags(name: string, flags: QualifierFlags): Promise<PartyQuery> {
  const candidate = {
    id: 'cli',
    name,
    schema: flags.schema,
    birthDate: flags.birthDate,
    country: flags.country,
    nationality: flags.nationality,
    gender: flags.gender?.toLowerCase(),
    idNumber: flags.idNumber,
  };
  const checked = checkPartyQuery(candidate);
  if (checked) return checked;
  const { PartyQuerySchema } = await import('../../core/party-query.js');
  const parsed = PartyQuerySchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const flag = String(issue.path[0] ?? 'name').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  throw new CliError(`--${flag}: ${issue.message}`, ExitCode.inputRejected);
}
