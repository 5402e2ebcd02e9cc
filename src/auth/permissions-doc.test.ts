/** docs/access-and-audit.md prints the permission matrix; this keeps it true to the code. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actions, can, roles } from './index.js';

describe('the documented permission matrix', () => {
  it('is the matrix in permissions.ts', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/access-and-audit.md'), 'utf8');
    const table = doc
      .split('<!-- permission-matrix:start -->')[1]!
      .split('<!-- permission-matrix:end -->')[0]!;
    const rows = table
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.trim());
    const expected = actions.map(
      (a) => `| \`${a}\` | ${roles.map((r) => (can(r, a) ? '✔' : '')).join(' | ')} |`,
    );
    expect(rows).toEqual(expected);
    expect(table).toContain(`| action | ${roles.join(' | ')} |`);
  });
});
