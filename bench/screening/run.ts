/**
 * All screening benchmarks in one run (`npm run bench:screening [-- --quick]`): the matching
 * quality scripts (name pairs, cross-script, Watchman cases, exact list names, typo recall) where present, recall and alerts,
 * speed, and the million-alias scale run, then one table of figures against targets.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run as runMillion } from './million-aliases.js';
import { run as runMonitor } from './monitor.js';
import { run as runRecall } from './recall-and-alerts.js';
import {
  type BenchOptions,
  type Figure,
  formatFigures,
  log,
  parseBenchArgs,
} from './screening-bench-data.js';
import { run as runSpeed } from './speed.js';

/** Quality scripts written beside these by the matcher's authors; each exports a run function. */
const optionalScripts = ['name-pairs', 'cross-script', 'watchman-cases', 'exact-names', 'typos'];

type Section = { title: string; figures: Figure[] } | { title: string; printed: true };

async function runOptional(name: string, options: BenchOptions): Promise<Section | undefined> {
  const compiled = new URL(`./${name}.js`, import.meta.url);
  const source = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(compiled)) && !existsSync(fileURLToPath(source))) {
    log(`bench: ${name}: not present, skipped`);
    return undefined;
  }
  const mod = (await import(compiled.href)) as Record<string, unknown>;
  // Their entry points are named `run…Bench` (or `run`); each prints its own figures.
  const entry = Object.entries(mod).find(
    ([key, value]) => typeof value === 'function' && /^run(\w*Bench)?$/.test(key),
  );
  const fn = entry?.[1] as ((o: BenchOptions) => Promise<unknown>) | undefined;
  if (typeof fn !== 'function') {
    log(`bench: ${name}: exports no run function, skipped`);
    return undefined;
  }
  process.stdout.write(`\n## ${name}\n`);
  const result = await fn(options);
  // Figures in our shape go into the final table; anything else the script has printed itself.
  if (
    Array.isArray(result) &&
    result.every((f) => f && typeof f === 'object' && 'name' in f && 'value' in f)
  ) {
    return { title: name, figures: result as Figure[] };
  }
  return { title: name, printed: true };
}

const options = parseBenchArgs();
const started = performance.now();
const sections: Section[] = [];
for (const name of optionalScripts) {
  try {
    const section = await runOptional(name, options);
    if (section) sections.push(section);
  } catch (error) {
    log(`bench: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
for (const [title, fn] of [
  ['recall and alerts', runRecall],
  ['speed', runSpeed],
  ['million aliases', runMillion],
  ['ongoing monitoring', runMonitor],
] as const) {
  log(`bench: running ${title}…`);
  sections.push({ title, figures: await fn(options) });
}
for (const s of sections) if ('figures' in s) process.stdout.write(formatFigures(s.title, s.figures));
process.stdout.write(
  `\nscreening benchmarks${options.quick ? ' (quick)' : ''} took ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
