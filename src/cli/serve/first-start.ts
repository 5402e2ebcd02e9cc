/**
 * A first start on an empty store: the sample watchlist from `data/sample/` is loaded (as
 * `sentinela demo` loads it) so the API has something to screen, and with no users yet the first
 * admin is created with a one-time password printed on the terminal — on stdout, never in a log.
 */
import { join } from 'node:path';
import { packagedDataPath } from '../packaged-data.js';
import type { ServeFlags } from './serve-flags.js';

/** Loads the sample data into an empty store and creates the first admin; prints what it did. */
export async function prepareFirstStart(location: string, flags: ServeFlags): Promise<void> {
  const { openStores } = await import('../../store/index.js');
  const stores = await openStores(location);
  try {
    if (flags.sampleData && (await stores.lists.latestVersions()).length === 0) {
      const { importPublication, readPublication } = await import('../../services/import-list.js');
      const file =
        packagedDataPath('sample', 'sample-watchlist.csv') ?? join('data', 'sample', 'sample-watchlist.csv');
      const parsed = await readPublication([file], { format: 'csv', list: 'sample-watchlist' });
      const outcome = await importPublication(stores, parsed);
      process.stdout.write(
        `sentinela serve: empty store — loaded the SAMPLE watchlist (data/sample/, ${outcome.version.entityCount} entities) as ${outcome.version.list}@${outcome.version.id}; import real lists with \`sentinela lists import\`.\n`,
      );
    }
    const { ensureFirstAdmin } = await import('../../services/users.js');
    const first = await ensureFirstAdmin(stores);
    if (first) {
      // On the terminal only: stdout, never the request log on stderr.
      process.stdout.write(
        [
          'sentinela serve: no users yet — created the first admin.',
          `  user:               ${first.name}`,
          `  one-time password:  ${first.oneTimePassword}`,
          '  Sign in with it at the workbench address below and set a new password; it is shown only now.',
          '  The admin manages users and lists; add the people who work alerts with',
          '  `sentinela users add NAME --role analyst|supervisor|auditor` (the password on standard input).',
          '',
        ].join('\n'),
      );
    }
  } finally {
    await stores.close();
  }
}
