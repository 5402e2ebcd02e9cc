/** Runs every benchmark in turn; each prints its own figures. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const areas = [
  'screening',
  'targeting',
  'warning',
  'fuzz',
  'api',
  'goods',
  'reconcile',
  'workbench',
  'distributed',
  'store',
];
let failed = 0;
for (const area of areas) {
  const script = join(import.meta.dirname, area, 'run.js');
  if (!existsSync(script)) {
    process.stderr.write(`bench: ${area}: no benchmark built (${script} missing)\n`);
    continue;
  }
  process.stdout.write(`\n=== ${area} ===\n`);
  const result = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
