/**
 * The serve door onto `services/first-start.ts`: on an empty store the sample watchlist (as
 * `sentinela demo` loads it) so the API has something to screen, and with no users yet the first
 * admin is created with a one-time password printed on the terminal — on stdout, never in a log.
 */
import { join } from 'node:path';
import { packagedDataPath } from '../shared/packaged-data.js';
import type { ServeFlags } from './serve-flags.js';

/** Loads the sample data into an empty store and creates the first admin; prints what it did. */
export async function prepareFirstStart(location: string, flags: ServeFlags): Promise<void> {
  const { openStores } = await import('../../store/index.js');
  const stores = await openStores(location);
  try {
    const { firstStart } = await import('../../services/first-start.js');
    const sample =
      packagedDataPath('sample', 'sample-watchlist.csv') ?? join('data', 'sample', 'sample-watchlist.csv');
    const { sampleLoaded, admin } = await firstStart(
      stores,
      flags.sampleData ? { sampleWatchlist: sample } : {},
    );
    if (sampleLoaded)
      process.stdout.write(
        `sentinela serve: empty store — loaded the SAMPLE watchlist (data/sample/, ${sampleLoaded.entityCount} entities) as ${sampleLoaded.list}@${sampleLoaded.id}; import real lists with \`sentinela lists import\`.\n`,
      );
    if (admin) {
      // On the terminal only: stdout, never the request log on stderr.
      process.stdout.write(
        [
          'sentinela serve: no users yet — created the first admin.',
          `  user:               ${admin.name}`,
          `  one-time password:  ${admin.oneTimePassword}`,
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
