/**
 * `sentinela goods catalog import FILE | list | show [ID] [--item ID] | diff [FROM] [TO]`: the
 * controlled-goods catalog's versions. The shipped catalog is imported on first use, so `list`
 * on a new database shows it as version 1.
 */
import type { Command } from 'commander';
import { goodsCatalogVersionName } from '../../core/index.js';
import { CliError, ExitCode } from '../shared/cli-errors.js';
import { openGoodsStores } from './goods-stores.js';
import type { CommandIo } from '../shared/command-io.js';
import { dbOption } from '../shared/db-option.js';

interface DbFlags {
  db?: string;
  json?: boolean;
}

function versionId(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const id = Number(text.includes('@') ? text.slice(text.lastIndexOf('@') + 1) : text);
  if (!Number.isInteger(id) || id < 1)
    throw new CliError(
      `${what} "${text}" is not a catalog version (a number, or LABEL@N)`,
      ExitCode.inputRejected,
    );
  return id;
}

export function registerGoodsCatalog(goods: Command, io: CommandIo): void {
  const catalog = goods
    .command('catalog')
    .description('controlled-goods catalog versions: import, list, show, diff');

  catalog
    .command('import <file>')
    .description(
      'validate a catalog file (the shipped data/goods/catalog.json format) and store it as a new version',
    )
    .addOption(dbOption('the catalog versions'))
    .option('--json', 'JSON on stdout')
    .action(async (file: string, flags: DbFlags) => {
      const { currentGoodsCatalog, importGoodsCatalog } = await import('../../services/goods-catalog.js');
      const stores = await openGoodsStores(flags.db);
      try {
        await currentGoodsCatalog(stores);
        const { version, created } = await importGoodsCatalog(stores, file);
        if (flags.json) io.out(`${JSON.stringify({ version, created })}\n`);
        else
          io.out(
            created
              ? `imported ${file} as ${goodsCatalogVersionName(version)} (${version.chemicals} chemicals, ${version.dualUse} dual-use families)\n`
              : `${file} is identical to ${goodsCatalogVersionName(version)}; no new version\n`,
          );
      } finally {
        await stores.close();
      }
    });

  catalog
    .command('list')
    .description('catalog versions, oldest first')
    .addOption(dbOption('the catalog versions'))
    .option('--json', 'JSON on stdout')
    .action(async (flags: DbFlags) => {
      const { listGoodsCatalogVersions } = await import('../../services/goods-catalog.js');
      const stores = await openGoodsStores(flags.db);
      try {
        const versions = await listGoodsCatalogVersions(stores);
        if (flags.json) io.out(`${JSON.stringify(versions)}\n`);
        else
          for (const v of versions)
            io.out(
              `${goodsCatalogVersionName(v).padEnd(16)} ${v.importedAt.slice(0, 19)}  ${String(v.chemicals).padStart(3)} chemicals  ${String(v.dualUse).padStart(2)} dual-use  ${v.source}  sha256 ${v.contentHash.slice(0, 12)}\n`,
            );
      } finally {
        await stores.close();
      }
    });

  catalog
    .command('show [version]')
    .description(
      'one version (default the newest): its items with lists, identifiers and verification status',
    )
    .option('--item <id>', 'only this item (its full catalog entry)')
    .addOption(dbOption('the catalog versions'))
    .option('--json', 'JSON on stdout')
    .action(async (version: string | undefined, flags: DbFlags & { item?: string }) => {
      const { currentGoodsCatalog, goodsCatalogVersion } = await import('../../services/goods-catalog.js');
      const { listLabels } = await import('../../goods/index.js');
      const stores = await openGoodsStores(flags.db);
      try {
        const id = versionId(version, 'version');
        const current =
          id === undefined ? await currentGoodsCatalog(stores) : await goodsCatalogVersion(stores, id);
        const c = current.catalog;
        if (flags.item) {
          const item = [...c.chemicals, ...c.dualUse].find((i) => i.id === flags.item);
          if (!item)
            throw new CliError(`no item "${flags.item}" in ${current.versionName}`, ExitCode.inputRejected);
          io.out(`${JSON.stringify(item, null, 2)}\n`);
          return;
        }
        if (flags.json) {
          io.out(`${JSON.stringify({ version: current.version, catalog: c })}\n`);
          return;
        }
        io.out(`${current.versionName}  ${c.name} ${c.version}\n${c.about}\n\n`);
        for (const i of c.chemicals) {
          const lists = listLabels({ type: 'chemical', ...i }).join(', ') || 'no list';
          const status = Object.entries(i.verification)
            .map(([f, v]) => `${f} ${v.status}`)
            .join(', ');
          io.out(
            `${i.id.padEnd(34)} ${i.name} | ${lists} | CAS ${i.cas.join(', ') || '-'} | HS ${i.hs.join(', ') || '-'} | ${status}\n`,
          );
        }
        for (const d of c.dualUse)
          io.out(
            `${d.id.padEnd(34)} ${d.family} | ECCN ${d.eccn} | ${d.models.join(', ')} | HS ${d.hs.join(', ')} | classification ${d.verification.classification?.status ?? '-'}\n`,
          );
      } finally {
        await stores.close();
      }
    });

  catalog
    .command('diff [from] [to]')
    .description('what changed between two versions (default: the two newest)')
    .addOption(dbOption('the catalog versions'))
    .option('--json', 'JSON on stdout')
    .action(async (from: string | undefined, to: string | undefined, flags: DbFlags) => {
      const { diffGoodsCatalogVersions, listGoodsCatalogVersions } = await import(
        '../../services/goods-catalog.js'
      );
      const stores = await openGoodsStores(flags.db);
      try {
        const versions = await listGoodsCatalogVersions(stores);
        const b = versionId(to, 'version') ?? versions[versions.length - 1]!.id;
        const a = versionId(from, 'version') ?? versions.filter((v) => v.id < b).at(-1)?.id;
        if (a === undefined)
          throw new CliError(
            'only one catalog version: nothing to compare (import another with `goods catalog import FILE`)',
            ExitCode.inputRejected,
          );
        const diff = await diffGoodsCatalogVersions(stores, a, b);
        if (flags.json) {
          io.out(`${JSON.stringify({ from: a, to: b, ...diff })}\n`);
          return;
        }
        io.out(
          `catalog ${a} → ${b}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed\n`,
        );
        for (const x of diff.added) io.out(`+ ${x.id} (${x.name})\n`);
        for (const x of diff.removed) io.out(`- ${x.id} (${x.name})\n`);
        for (const x of diff.changed)
          for (const f of x.fields)
            io.out(`~ ${x.id} ${f.field}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}\n`);
      } finally {
        await stores.close();
      }
    });
}
