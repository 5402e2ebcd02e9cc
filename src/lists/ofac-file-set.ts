/**
 * Which OFAC CSV files make up one list version: folders are expanded to their sdn/alt/add/
 * comments (or cons_*) files, and each file gets its role from its name.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../core/index.js';

export type OfacFileRole = 'primary' | 'alias' | 'address' | 'comments';
export type OfacListName = 'us-ofac-sdn' | 'us-ofac-cons';

export interface OfacFile {
  path: string;
  role: OfacFileRole;
  /** `sdn` for sdn.csv/alt.csv/add.csv/sdn_comments.csv, `cons` for the cons_* files. */
  family: 'sdn' | 'cons' | undefined;
}

/** Column counts of each role's rows, as OFAC publishes them. */
export const OFAC_COLUMNS: Record<OfacFileRole, readonly string[]> = {
  primary: [
    'ent_num',
    'SDN_Name',
    'SDN_Type',
    'Program',
    'Title',
    'Call_Sign',
    'Vess_type',
    'Tonnage',
    'GRT',
    'Vess_flag',
    'Vess_owner',
    'Remarks',
  ],
  alias: ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'],
  address: ['ent_num', 'add_num', 'address', 'city/state/postal', 'country', 'add_remarks'],
  comments: ['ent_num', 'remarks_continuation'],
};

const ROLE_ORDER: Record<OfacFileRole, number> = { primary: 0, alias: 1, address: 2, comments: 3 };

/**
 * The role an OFAC file plays, by its name (`sdn.csv`, `sdn_excerpt.csv`, `cons_alt.csv`, ...),
 * or `undefined` when the name is not one OFAC uses.
 */
export function ofacFileRole(path: string): Omit<OfacFile, 'path'> | undefined {
  const name = basename(path).toLowerCase();
  if (!name.endsWith('.csv')) return undefined;
  const cons = name.startsWith('cons_');
  const stem = cons ? name.slice(5) : name;
  const family = cons ? 'cons' : 'sdn';
  if (/^(sdn_)?comments\b/.test(stem)) {
    return { role: 'comments', family };
  }
  if (cons ? stem.startsWith('prim') : stem.startsWith('sdn')) return { role: 'primary', family };
  if (stem.startsWith('alt')) return { role: 'alias', family };
  if (stem.startsWith('add')) return { role: 'address', family };
  return undefined;
}

/**
 * Expands folders and names each file's role. A file inside a folder that is not an OFAC file is
 * an error (the set would otherwise be silently incomplete); a file named on its own with an
 * unfamiliar name is given its role by `sniffRole` (from its column count).
 */
export async function resolveOfacFiles(
  paths: string[],
  sniffRole: (path: string) => Promise<OfacFileRole | undefined>,
): Promise<OfacFile[]> {
  const files: OfacFile[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new InputError('file or folder not found', { file: path });
    if (info.isDirectory()) {
      const inFolder: OfacFile[] = [];
      for (const entry of (await readdir(path)).sort()) {
        if (entry.startsWith('.')) continue;
        const full = join(path, entry);
        const role = ofacFileRole(full);
        if (!role) {
          throw new InputError(
            'not an OFAC list file; an OFAC folder holds only sdn.csv, alt.csv, add.csv, sdn_comments.csv ' +
              '(or cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv)',
            { file: full },
          );
        }
        inFolder.push({ path: full, ...role });
      }
      if (inFolder.length === 0) throw new InputError('folder holds no OFAC CSV files', { file: path });
      inFolder.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
      files.push(...inFolder);
      continue;
    }
    const role = ofacFileRole(path);
    if (role) {
      files.push({ path, ...role });
      continue;
    }
    const sniffed = await sniffRole(path);
    if (!sniffed) {
      throw new InputError('cannot tell which OFAC file this is (expected 12, 5, 6 or 2 columns)', {
        file: path,
      });
    }
    files.push({ path, role: sniffed, family: undefined });
  }
  return files;
}

/** The list name of a file set; mixing SDN and consolidated files in one version is an error. */
export function ofacListName(files: OfacFile[]): OfacListName {
  const families = new Set(files.map((f) => f.family).filter((f) => f !== undefined));
  if (families.size > 1) {
    const cons = files.find((f) => f.family === 'cons')!;
    throw new InputError(
      'SDN files (sdn.csv, alt.csv, ...) and consolidated files (cons_*.csv) are two lists; import them separately',
      { file: cons.path },
    );
  }
  return families.has('cons') ? 'us-ofac-cons' : 'us-ofac-sdn';
}
