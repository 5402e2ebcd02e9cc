/**
 * Reads the shared Noufaily reference files (`golden_series.csv`, `golden_r_results.csv`): the
 * simulated series and R's upper bounds and alarms per detector, keyed by scenario, replicate and
 * dataset (`fpr` without the current outbreak, `pod` with it).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface GoldenSeries {
  scenario: number;
  rep: number;
  yFpr: number[];
  yPod: number[];
}

export interface GoldenRResult {
  /** 1-based week. */
  week: number;
  upperbound: number | null;
  alarm: boolean | null;
}

/** Key `scenario|rep|dataset|method`, e.g. `14|2|pod|noufaily`. */
export type GoldenKey = string;

export function readGoldenSeries(path: string): GoldenSeries[] {
  const rows = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
  const byKey = new Map<string, GoldenSeries>();
  for (const r of rows) {
    const key = `${r.scenario}|${r.rep}`;
    let s = byKey.get(key);
    if (!s) {
      s = { scenario: Number(r.scenario), rep: Number(r.rep), yFpr: [], yPod: [] };
      byKey.set(key, s);
    }
    const week = Number(r.week);
    s.yFpr[week - 1] = Number(r.y_fpr);
    s.yPod[week - 1] = Number(r.y_pod);
  }
  return [...byKey.values()];
}

function numberOrNull(v: string | undefined): number | null {
  return v === undefined || v === 'NA' || v === '' ? null : Number(v);
}

export function readGoldenRResults(path: string): Map<GoldenKey, GoldenRResult[]> {
  const rows = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
  const out = new Map<GoldenKey, GoldenRResult[]>();
  for (const r of rows) {
    const key = `${r.scenario}|${r.rep}|${r.dataset}|${r.method}`;
    let list = out.get(key);
    if (!list) {
      list = [];
      out.set(key, list);
    }
    const alarm = numberOrNull(r.alarm);
    list.push({
      week: Number(r.week),
      upperbound: numberOrNull(r.upperbound),
      alarm: alarm === null ? null : alarm === 1,
    });
  }
  return out;
}
