/** `sentinela db status|migrate` on a SQLite file, in process: pending, applied, then up to date. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../shared/testing/run-cli.js';
import { register } from './db-command.js';

async function run(args: string[]): Promise<string> {
  const { out, error } = await runCli([{ register }], args);
  if (error) throw error;
  return out;
}

describe('sentinela db', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-db-cli-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('shows pending migrations, applies them, then reports the schema up to date', async () => {
    const db = join(dir, 'new.sqlite');
    expect(await run(['db', 'status', '--db', db])).toMatch(
      /0001-baseline {2}pending[\s\S]*0002-jobs {2}pending[\s\S]*2 pending/,
    );
    expect(await run(['db', 'migrate', '--db', db])).toBe(
      `sqlite ${db}: applied 0001-baseline, 0002-jobs.\n`,
    );
    const status = JSON.parse(await run(['db', 'status', '--db', db, '--json']));
    expect(status).toMatchObject({ backend: 'sqlite', location: db });
    expect(status.migrations[0].appliedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await run(['db', 'migrate', '--db', db])).toBe(`sqlite ${db}: schema already up to date.\n`);
  });
});
