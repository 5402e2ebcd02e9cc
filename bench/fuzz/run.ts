/**
 * `npm run bench:fuzz [-- --quick] [-- --cases N] [-- --seed S]`: the readers' fuzz run at length.
 * Prints, per reader, the cases tried, how many gave entities and how many an InputError, the
 * crashes (any other exception: each printed with its bytes' size and the error), the slowest case
 * and the cases per second. Exit 1 when any reader crashed.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import fc from 'fast-check';
import { fuzzCase, fuzzScratch, fuzzTargets, runFuzzCase } from './fuzz-targets.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const cases = Number(flag('--cases') ?? (quick ? 200 : 3000));
const seed = Number(flag('--seed') ?? Date.now() % 1_000_000);
const only = flag('--reader');

const root = fuzzScratch();
const started = performance.now();
let crashes = 0;
process.stdout.write(
  `fuzz: ${cases} cases per reader, seed ${seed} (repeat with --seed ${seed}); load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n\n`,
);
process.stdout.write(
  `${'reader'.padEnd(18)}${'cases'.padStart(7)}${'entities'.padStart(10)}${'input err'.padStart(11)}${'crashes'.padStart(9)}${'slowest ms'.padStart(12)}${'cases/s'.padStart(9)}\n`,
);
try {
  for (const target of fuzzTargets()) {
    if (only && target.name !== only) continue;
    const samples = fc.sample(fuzzCase(target), { numRuns: cases, seed });
    const counts = { entities: 0, 'input-error': 0, crash: 0 };
    let slowest = 0;
    const t0 = performance.now();
    for (const c of samples) {
      const t = performance.now();
      try {
        counts[await runFuzzCase(target, c, root)]++;
      } catch (error) {
        counts.crash++;
        if (counts.crash <= 3)
          process.stderr.write(
            `fuzz: ${target.name}: CRASH on ${c.bytes.length} bytes of ${target.files[c.file]!.name}: ${(error as Error).stack ?? error}\n`,
          );
      }
      slowest = Math.max(slowest, performance.now() - t);
    }
    crashes += counts.crash;
    const seconds = (performance.now() - t0) / 1000;
    process.stdout.write(
      `${target.name.padEnd(18)}${String(samples.length).padStart(7)}${String(counts.entities).padStart(10)}${String(counts['input-error']).padStart(11)}${String(counts.crash).padStart(9)}${slowest.toFixed(0).padStart(12)}${(samples.length / seconds).toFixed(0).padStart(9)}\n`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.stdout.write(
  `\nfuzz: ${((performance.now() - started) / 1000).toFixed(1)} s in all, ${crashes} crashes\n`,
);
process.exit(crashes > 0 ? 1 : 0);
