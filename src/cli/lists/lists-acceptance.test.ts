/**
 * The acceptance check on the real files: the 2024 SDN list, then the same list with the
 * 2025 excerpt applied, must diff to the cartel FTO designations as changed entities.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { runListsCli } from './testing/lists-cli-harness.js';

interface DiffJson {
  counts: { added: number; removed: number; changed: number; unchanged: number };
  changed: {
    id: string;
    name: string;
    previousName?: string;
    fields: { field: string; added: string[] }[];
  }[];
}

describeWithSharedData('acceptance: lists diff 2024 SDN → 2024 SDN + 2025 excerpt', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sentinela-acceptance-'));
  const db = join(dir, 'store.sqlite');
  const sdn2024 = sharedData('sanctions/ofac_sdn_2024-05-03');
  const excerpt = sharedData('sanctions/ofac_sdn_2025-11_excerpt/sdn_excerpt.csv');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const a = await runListsCli(['import', sdn2024, '--db', db]);
    expect(a.error).toBeUndefined();
    const b = await runListsCli(['import', excerpt, '--partial', '--db', db]);
    expect(b.error).toBeUndefined();
  });

  const cartels = [
    { id: '11440', name: 'SINALOA CARTEL' },
    { id: '17671', name: 'CARTEL DE JALISCO NUEVA GENERACION' },
    { id: '10386', name: 'GULF CARTEL' },
    { id: '11438', name: 'CARTEL DEL NORESTE', previousName: 'LOS ZETAS' },
  ];

  it('shows the four cartels as changed with FTO added', async () => {
    const run = await runListsCli(['diff', 'us-ofac-sdn@1', 'us-ofac-sdn@2', '--json', '--db', db]);
    expect(run.error).toBeUndefined();
    const diff = JSON.parse(run.out) as DiffJson;
    expect(diff.counts.added).toBe(0);
    expect(diff.counts.removed).toBe(0);
    expect(diff.counts.unchanged + diff.counts.changed).toBe(14965);
    for (const cartel of cartels) {
      const change = diff.changed.find((c) => c.id === cartel.id);
      expect(change, cartel.name).toBeDefined();
      expect(change!.name).toBe(cartel.name);
      if (cartel.previousName) expect(change!.previousName).toBe(cartel.previousName);
      expect(change!.fields.find((f) => f.field === 'programs')?.added).toContain('FTO');
    }
  });

  it('prints them in the readable diff, counts first', async () => {
    const run = await runListsCli(['diff', 'us-ofac-sdn', '--db', db]);
    expect(run.out.split('\n')[1]).toMatch(/^ {2}0 added, 0 removed, \d+ changed, \d+ unchanged$/);
    expect(run.out).toMatch(/~ 11438 +CARTEL DEL NORESTE \(was LOS ZETAS\)/);
    for (const { id } of cartels)
      expect(run.out).toMatch(new RegExp(`~ ${id} [^~]*programs:\\n(?: +[-+] .*\\n)*? +\\+ FTO`));
  });

  it('the same files given together as one version have the same content as the partial update', async () => {
    const run = await runListsCli(['import', sdn2024, excerpt, '--db', db]);
    expect(run.out).toMatch(/^unchanged: the content equals us-ofac-sdn@2/);
  });
});
