/**
 * The architecture as a test: engines stay pure (no database, HTTP, queue or filesystem clients)
 * and never reach into services, stores or doors; services never reach into a door; folders talk
 * through their public faces (`index.ts`); no test-only module ships in the product; and there is
 * no import cycle.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcRoot = resolve(import.meta.dirname, '../src');
const engineFolders = [
  'core',
  'screening',
  'targeting',
  'warning',
  'goods',
  'reconcile',
  'cases',
  'audit',
  'auth',
];
const forbiddenInEngines = [
  /^better-sqlite3$/,
  /^pg$/,
  /^kysely/,
  /^@duckdb\//,
  /^hono/,
  /^@nats-io\//,
  /^nats$/,
  /^node:http2?$/,
  /^node:https$/,
  /^node:net$/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g))
    specs.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return resolve(dirname(from), spec.replace(/\.js$/, '.ts'));
}

const files = sourceFiles(srcRoot);

/**
 * Folders whose every file is a public face by design: `core/` holds one small interface (or the
 * input error) per file, and `services/` one use case per file, which the doors import one at a
 * time so that a command loads only its own service.
 */
const everyFileIsPublic = ['core', 'services'];

/** A test-only module: a shared conformance suite (`*.case.ts`) or anything under a `testing/` folder. */
const isTestOnly = (path: string): boolean => /\.case\.ts$/.test(path) || /(^|\/)testing\//.test(path);

/**
 * A folder's public faces: its `index.ts`, and a sub-folder's `index.ts` that it re-exports whole
 * (`export * from './matching/index.js'`), a lighter entry to the same public names.
 */
function publicFaces(folder: string): Set<string> {
  const index = join(srcRoot, folder, 'index.ts');
  const faces = new Set([index]);
  let text = '';
  try {
    text = readFileSync(index, 'utf8');
  } catch {
    return faces;
  }
  for (const m of text.matchAll(/export\s*\*\s*from\s*['"](\.\/[^'"]+\/index\.js)['"]/g))
    faces.add(resolveLocal(index, m[1]!)!);
  return faces;
}

/** Runtime imports only: `import type` and `export type` are erased and load nothing. */
function runtimeImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s*['"]([^'"]+)['"]/g))
    if (!m[2]) specs.push(m[3]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

describe('architecture', () => {
  it('engines import no database, HTTP or queue client', () => {
    const offences: string[] = [];
    for (const file of files) {
      const folder = relative(srcRoot, file).split('/')[0]!;
      if (!engineFolders.includes(folder)) continue;
      for (const spec of importsOf(file)) {
        if (forbiddenInEngines.some((re) => re.test(spec)))
          offences.push(`${relative(srcRoot, file)} imports ${spec}`);
        const target = resolveLocal(file, spec);
        if (target) {
          const targetFolder = relative(srcRoot, target).split('/')[0]!;
          if (['store', 'services', 'api', 'queue', 'cli'].includes(targetFolder))
            offences.push(`${relative(srcRoot, file)} imports ${targetFolder}/`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('services import no door (CLI, HTTP API, queue worker)', () => {
    const offences: string[] = [];
    for (const file of files) {
      if (relative(srcRoot, file).split('/')[0] !== 'services') continue;
      for (const spec of importsOf(file)) {
        if (/^(hono|commander|cli-progress)/.test(spec))
          offences.push(`${relative(srcRoot, file)} imports ${spec}`);
        const target = resolveLocal(file, spec);
        if (!target) continue;
        const targetFolder = relative(srcRoot, target).split('/')[0]!;
        if (['api', 'cli', 'worker'].includes(targetFolder))
          offences.push(`${relative(srcRoot, file)} imports ${targetFolder}/`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('loads the NATS client only inside src/queue/nats, and that folder only by dynamic import', () => {
    const offences: string[] = [];
    for (const file of files) {
      const path = relative(srcRoot, file);
      if (path.startsWith('queue/nats/')) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (/^@nats-io\//.test(spec)) offences.push(`${path} imports ${spec}`);
        const target = resolveLocal(file, spec);
        if (target && relative(srcRoot, target).startsWith('queue/nats'))
          offences.push(
            `${path} imports queue/nats statically (the embedded CLI would load the NATS client)`,
          );
      }
    }
    expect(offences).toEqual([]);
  });

  it('imports another folder only through its index.ts (core/ and services/ files are each public)', () => {
    const offences: string[] = [];
    for (const file of files) {
      const path = relative(srcRoot, file);
      if (isTestOnly(path)) continue;
      const folder = path.split('/')[0]!;
      for (const spec of runtimeImportsOf(file)) {
        const target = resolveLocal(file, spec);
        if (!target) continue;
        const [targetFolder] = relative(srcRoot, target).split('/');
        if (targetFolder === folder || everyFileIsPublic.includes(targetFolder!)) continue;
        if (publicFaces(targetFolder!).has(target)) continue;
        offences.push(`${path} imports ${relative(srcRoot, target)} (use ${targetFolder}/index.ts)`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('ships no test-only module: nothing but tests imports *.case.ts or a testing/ folder', () => {
    const offences: string[] = [];
    for (const file of files) {
      const path = relative(srcRoot, file);
      if (isTestOnly(path)) continue;
      for (const spec of importsOf(file)) {
        const target = resolveLocal(file, spec);
        if (target && isTestOnly(relative(srcRoot, target)))
          offences.push(`${path} imports ${relative(srcRoot, target)}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map<string, string[]>();
    for (const file of files) {
      graph.set(
        file,
        importsOf(file)
          .map((s) => resolveLocal(file, s))
          .filter((t): t is string => t !== undefined),
      );
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(node)), node].map((p) => relative(srcRoot, p)).join(' -> '));
        return;
      }
      state.set(node, 'visiting');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
