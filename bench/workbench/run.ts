/**
 * Workbench page load with a large queue: 100,000 alerts of every engine stored, a real
 * `sentinela serve`, Debian's Chromium signed in as an analyst, then the time from navigating to
 * the alert queue to its first rows on screen (and to the sign-in page, cold). Median of runs.
 *
 * `node dist/bench/workbench/run.js [--alerts N] [--runs N]` (after `npm run build`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { type Alert, alertId, alertKinds, alertSeverities, seededRandom } from '../../src/core/index.js';
import { addUser } from '../../src/services/users.js';
import { localPrincipal } from '../../src/services/principal.js';
import { openStores } from '../../src/store/index.js';
import { packageRoot } from '../shared-data-path.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const alertCount = flag('--alerts', quick ? 20_000 : 100_000);
const runs = flag('--runs', quick ? 3 : 5);
const chromiumPath = '/usr/bin/chromium';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function seed(db: string): Promise<number> {
  const stores = await openStores(db);
  const random = seededRandom(11);
  const started = Date.now();
  try {
    const day = Date.parse('2026-06-01T00:00:00Z');
    for (let start = 0; start < alertCount; start += 10_000) {
      const batch: Alert[] = [];
      for (let i = start; i < Math.min(alertCount, start + 10_000); i++) {
        const kind = alertKinds[i % alertKinds.length]!;
        const rule = { name: `${kind}-rule-${i % 7}`, version: '1' };
        const subject = `party-${i}`;
        batch.push({
          id: alertId(kind, subject, rule, String(i)),
          kind,
          subject,
          rule,
          score: Math.round(random() * 1000) / 1000,
          severity: alertSeverities[i % alertSeverities.length]!,
          evidence: { summary: `synthetic ${kind} alert ${i} for the page-load benchmark`, data: { i } },
          sources: [{ name: 'us-ofac-sdn', version: String(1 + (i % 3)) }],
          parties: [`Party ${i}`],
          createdAt: new Date(day + i * 60_000).toISOString(),
        });
      }
      await stores.alerts.append(batch);
    }
    await addUser(stores, localPrincipal(), {
      name: 'bench.analyst',
      role: 'analyst',
      password: 'bench-pass-123456',
    });
  } finally {
    await stores.close();
  }
  return (Date.now() - started) / 1000;
}

async function startServe(db: string): Promise<{ url: string; child: ChildProcess }> {
  const cli = resolve(packageRoot(), 'dist/src/cli/main.js');
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', db, '--workers', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) done(found[1]!);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${output}`)));
  });
  return { url, child };
}

async function main(): Promise<void> {
  if (!existsSync(chromiumPath)) {
    process.stdout.write(`workbench: skipped — no ${chromiumPath} (apt-get install chromium)\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-page-load-'));
  const db = join(dir, 'bench.sqlite');
  const seedSeconds = await seed(db);
  process.stdout.write(
    `workbench: ${alertCount.toLocaleString('en')} alerts stored in ${seedSeconds.toFixed(1)} s\n`,
  );
  const { url, child } = await startServe(db);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const signInTimes: number[] = [];
    const queueTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let t = performance.now();
      await page.goto(`${url}/`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      signInTimes.push(performance.now() - t);
      await page.getByLabel('User name').fill('bench.analyst');
      await page.getByLabel('Password').fill('bench-pass-123456');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('signed-in-user').waitFor();
      t = performance.now();
      await page.goto(`${url}/#/alerts`);
      await page.reload();
      await page.locator('[data-kind]').first().waitFor();
      queueTimes.push(performance.now() - t);
      await context.close();
    }
    process.stdout.write(
      `workbench: sign-in page load (cold context), median of ${runs}: ${median(signInTimes).toFixed(0)} ms\n` +
        `workbench: alert queue to first rows with ${alertCount.toLocaleString('en')} alerts stored (page load + session + first page), median of ${runs}: ${median(queueTimes).toFixed(0)} ms (target ≤ 1,000 ms); all runs ${queueTimes.map((v) => v.toFixed(0)).join(', ')} ms\n`,
    );
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
