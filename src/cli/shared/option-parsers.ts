/**
 * Command-line option values every command parses the same way, with the same message when wrong:
 * commander calls these as argument parsers, so a bad value is a usage error (exit status 1) that
 * names the option. Flags that take one of a fixed set use commander's `.choices()` instead.
 */
import { InvalidArgumentError } from 'commander';

/**
 * A parser for numbers that pass `ok`, failing with "expected WHAT".
 * @example const parsePercent = numberParser('a number from 0 to 100', (n) => n >= 0 && n <= 100);
 */
export function numberParser(what: string, ok: (n: number) => boolean): (value: string) => number {
  return checkedNumber(`expected ${what}`, ok);
}

function checkedNumber(message: string, ok: (n: number) => boolean): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || !ok(n)) throw new InvalidArgumentError(message);
    return n;
  };
}

/**
 * A number within a documented range (a tuning knob), the message naming the flag and the range.
 * @example .option('--gap-z <z>', 'robust z', numberBetween('--gap-z', 1, 1000), 5)
 */
export function numberBetween(flag: string, min: number, max: number): (value: string) => number {
  return checkedNumber(`${flag} must be a number from ${min} to ${max}`, (n) => n >= min && n <= max);
}

/**
 * A score from 0 to 1 (a threshold).
 * @example program.option('--threshold <score>', 'match threshold', parseScore)
 */
export const parseScore = numberParser('a number from 0 to 1', (n) => n >= 0 && n <= 1);

/** A whole number from 0 (a limit, a count of workers, a number of days). */
export const parseCount = numberParser('a whole number', (n) => Number.isInteger(n) && n >= 0);

/** A whole number from 1 (periods per year, rounds). */
export const parsePositiveCount = numberParser('a whole number from 1', (n) => Number.isInteger(n) && n >= 1);

/** Any whole number, negative included (a seed, a period index). */
export const parseInteger = numberParser('an integer', Number.isInteger);

/**
 * A share or a probability, from 0 to below 1, the message naming the flag.
 * @example .option('--exploration <share>', 'share reserved for exploration', shareParser('--exploration'), 0.1)
 */
export function shareParser(flag: string): (value: string) => number {
  return checkedNumber(`${flag} must be a number from 0 to below 1`, (n) => n >= 0 && n < 1);
}

/** A number from 0 (a factor, a z-score, a floor). */
export const parseNonNegative = numberParser('a number from 0', (n) => n >= 0);

/** A number above 0 (a number of days). */
export const parsePositive = numberParser('a number above 0', (n) => n > 0);

/** A duration in seconds, above 0. */
export const parseSeconds = numberParser('a number of seconds', (n) => n > 0);

/** A TCP port; 0 lets the system pick one. */
export const parsePort = numberParser(
  'a port number 0–65535',
  (n) => Number.isInteger(n) && n <= 65535 && n >= 0,
);

/** A calendar day written YYYY-MM-DD. */
export function parseIsoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return value;
}

/** A repeatable option's values, in order: `.option('--list <name>', '…', collect, [])`. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A repeatable option whose values may also be comma-separated (`--scope a,b --scope c`). */
export const collectCommaSeparated = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  ...value.split(','),
];
