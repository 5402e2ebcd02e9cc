/**
 * The declaration every targeting part works on: one customs import line or one truck crossing,
 * reduced to the fields risk scoring needs, whichever file format it came from.
 */
import type { RowReject } from '../core/index.js';

/** Inspection outcome, present only in labelled (historical) files. */
export interface DeclarationLabels {
  /** 1 when the inspection found fraud (KCS `Fraud`). */
  fraud: 0 | 1;
  /** KCS `Critical Fraud`: 0 none, 1 fraud, 2 critical (public safety, e.g. drug smuggling). */
  critical: 0 | 1 | 2;
}

export interface Declaration {
  id: string;
  /** ISO date `YYYY-MM-DD` (crossings keep their time in `extra.time`). */
  date: string;
  /** Whole days since 1970-01-01, so "earlier" is an integer comparison. */
  day: number;
  /** Customs office or port of entry. */
  office: string;
  processType: string;
  importType: string;
  importUse: string;
  paymentType: string;
  transportMode: string;
  /** Customs broker / declarant; '' when unknown. */
  declarant: string;
  /** Importer or consignee. */
  importer: string;
  /** Seller or shipper; '' when unknown. */
  seller: string;
  /** Courier or carrier; '' when unknown. */
  courier: string;
  /** HS code, first six digits. */
  hs6: string;
  departureCountry: string;
  originCountry: string;
  /** Duty rate in percent; NaN when unknown. */
  taxRate: number;
  taxType: string;
  originIndicator: string;
  netMassKg: number;
  /** Declared value in the file's currency (KRW for KCS, USD for crossings). */
  value: number;
  /** Free-text commodity description (crossing manifests); '' when the format has none. */
  description: string;
  labels?: DeclarationLabels;
  /** Other fields of the source kept for rules and hooks (plates, driver, route). */
  extra?: Record<string, string>;
  /** Where the row came from, for messages. */
  source: { file: string; line: number };
}

/** Rows read from a file: those that passed validation, and why the others did not. */
export interface DeclarationBatch {
  declarations: Declaration[];
  rejected: (RowReject & { file: string })[];
  /** Data rows seen: always `declarations.length + rejected.length`. */
  rowsIn: number;
}

const msPerDay = 86_400_000;

/**
 * Days since 1970-01-01 for a strict `YYYY-MM-DD` date, or undefined when it is not a real date.
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(isoDate: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return Math.floor(t / msPerDay);
}
