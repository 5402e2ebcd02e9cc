/** Command-line option values every command parses the same way, with the same message when wrong. */
import { InvalidArgumentError } from 'commander';

/**
 * A score from 0 to 1 (a threshold).
 * @example program.option('--threshold <score>', 'match threshold', parseScore)
 */
export function parseScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError('expected a number from 0 to 1');
  }
  return n;
}

/** A whole number from 0 (a limit, a count of workers). */
export function parseCount(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError('expected a whole number');
  return n;
}

/** A repeatable option's values, in order: `.option('--list <name>', '…', collect, [])`. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
