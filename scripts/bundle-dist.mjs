/**
 * Bundles what `tsc` compiled into `dist`, so a command loads a few files instead of about 160
 * modules (Node 20 has no module compile cache: each costs its resolution, read and compile on every
 * run). Run by `npm run build` after `tsc`:
 *
 * - The CLI: `dist/src/cli/main.js` and every module it loads into `dist/src/cli/bundled/`, one
 *   chunk per group of modules the commands share (each command's code is still loaded only when
 *   that command runs); `dist/src/cli/main.js` then becomes a line that loads the bundled entry. A
 *   later `tsc` alone writes the unbundled `main.js` again, so a stale bundle is never run.
 * - The batch screening worker: `dist/src/screening/batch-screening-worker.bundle.js`, started by
 *   the pool when it is at least as new as the compiled worker (batch-screening-pool.ts).
 *
 * Packages stay in node_modules. A module that finds files beside itself (`import.meta.url`,
 * `import.meta.dirname`: the screening worker, the preparation stamp, packaged data, web assets)
 * is given its own compiled location, so it finds the same files from the bundle.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const dist = resolve(process.argv[2] ?? 'dist');
const cliEntry = resolve(dist, 'src/cli/main.js');
const cliOut = resolve(dist, 'src/cli/bundled');
const STUB_MARK = '// sentinela: bundled CLI entry';

/** Rewrites `import.meta.url` / `.dirname` of a module bundled into `outdir` to its compiled location. */
function keepModuleLocation(outdir) {
  return {
    name: 'keep-module-location',
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta')) return undefined;
        const url = `new URL(${JSON.stringify(relative(outdir, args.path).split('\\').join('/'))}, import.meta.url)`;
        return {
          contents: `import { fileURLToPath as __sentinelaFileUrlToPath } from 'node:url';\n${text
            .replaceAll('import.meta.url', `${url}.href`)
            .replaceAll(
              'import.meta.dirname',
              `__sentinelaFileUrlToPath(new URL('.', ${url})).replace(/[\\\\/]$/, '')`,
            )}`,
          loader: 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

const common = { bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' };

if (readFileSync(cliEntry, 'utf8').includes(STUB_MARK)) {
  throw new Error(`${cliEntry} is already the bundled entry: run tsc first (npm run build)`);
}
rmSync(cliOut, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: [cliEntry],
  outdir: cliOut,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  packages: 'external',
  plugins: [keepModuleLocation(cliOut)],
});
writeFileSync(
  cliEntry,
  `#!/usr/bin/env node\n${STUB_MARK} (scripts/bundle-dist.mjs); \`tsc\` writes the unbundled one.\nimport './bundled/main.js';\n`,
);
rmSync(`${cliEntry}.map`, { force: true });

const worker = resolve(dist, 'src/screening/batch-screening-worker.js');
await build({
  ...common,
  entryPoints: [worker],
  outfile: resolve(dist, 'src/screening/batch-screening-worker.bundle.js'),
  plugins: [keepModuleLocation(dirname(worker))],
});
