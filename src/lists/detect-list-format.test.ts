import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/index.js';
import { detectListFormat } from './index.js';

const fixture = (...parts: string[]) => resolve(import.meta.dirname, 'fixtures', ...parts);

describe('detectListFormat', () => {
  it.each([
    [[fixture('ofac-sample')], 'ofac-csv'],
    [[fixture('ofac-sample'), fixture('ofac-update', 'sdn_update.csv')], 'ofac-csv'],
    [[fixture('ofac-sample', 'alt.csv')], 'ofac-csv'],
    [[fixture('un-sample.xml')], 'un-xml'],
    [[fixture('ftm-sample.jsonl')], 'ftm-json'],
    [[fixture('custom-sample.csv')], 'csv'],
  ])('detects %s as %s', async (paths, format) => {
    expect(await detectListFormat(paths)).toBe(format);
  });

  it('refuses a set that mixes formats', async () => {
    await expect(detectListFormat([fixture('ofac-sample'), fixture('un-sample.xml')])).rejects.toMatchObject({
      file: fixture('un-sample.xml'),
    });
  });

  it('says clearly when it cannot tell', async () => {
    const error = await detectListFormat([fixture('custom-missing-column.csv')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).reason).toMatch(/cannot tell the list format/);
    await expect(detectListFormat([fixture('empty.xml')])).rejects.toMatchObject({ reason: 'file is empty' });
    await expect(detectListFormat([fixture('does-not-exist.csv')])).rejects.toMatchObject({
      reason: 'file or folder not found',
    });
  });
});
