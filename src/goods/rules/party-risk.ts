/**
 * Rule `party-risk`: a buyer or consignee on a loaded watchlist (screened by the screening engine,
 * handed in by the service), or a first-time buyer of a regulated item — a buyer with no line in
 * the file before the 30 days preceding its order, judged only where the file reaches back that far.
 */
import type { AlertDraft } from '../goods-alert.js';
import type { LineReading } from '../line-identification.js';
import { describeMatch } from './missing-permit.js';
import type { RuleContext } from './rule-context.js';

/** A watchlist match for a party name, as the screening engine reports it. */
export interface WatchlistHit {
  list: string;
  listVersion: string;
  entityId: string;
  name: string;
  score: number;
}

/** Screens one party name (with its country when known) against the loaded watchlists. */
export type PartyCheck = (name: string, country: string) => WatchlistHit | undefined;

/** A buyer is new when it has no line this many days before the order. */
export const NEW_BUYER_DAYS = 30;

export interface PartyFindings {
  buyer?: WatchlistHit;
  consignee?: WatchlistHit;
  /** First line of the buyer (all spellings) in the file, when the buyer is new. */
  firstSeen?: string;
}

export function partyRisk(
  reading: LineReading,
  found: PartyFindings,
  ctx: RuleContext,
): AlertDraft | undefined {
  const line = reading.line;
  const reasons: string[] = [];
  if (found.buyer)
    reasons.push(
      `the buyer "${line.buyer}" matches "${found.buyer.name}" on ${found.buyer.list}@${found.buyer.listVersion} (score ${found.buyer.score.toFixed(2)})`,
    );
  if (found.consignee)
    reasons.push(
      `the consignee "${line.consignee}" matches "${found.consignee.name}" on ${found.consignee.list}@${found.consignee.listVersion} (score ${found.consignee.score.toFixed(2)})`,
    );
  const id = reading.identification;
  if (found.firstSeen && id)
    reasons.push(
      `"${line.buyer}" is a first-time buyer: no earlier line in the file (first seen ${found.firstSeen}) before this regulated item`,
    );
  if (reasons.length === 0) return undefined;
  const itemId = id ? (id.type === 'chemical' ? id.item.id : id.hit.item.id) : undefined;
  const watch = found.buyer || found.consignee;
  return {
    rule: 'party-risk',
    subject: `line:${line.lineId}`,
    lineIds: [line.lineId],
    ...(itemId ? { item: ctx.index.item(itemId)! } : {}),
    severity: watch ? (id ? 'high' : 'medium') : 'low',
    summary: `${id ? describeMatch(reading) : `"${line.description}"`}: ${reasons.join('; ')}.`,
    facts: {
      reasons,
      buyer: line.buyer,
      consignee: line.consignee,
      ...(found.buyer ? { buyer_match: found.buyer } : {}),
      ...(found.consignee ? { consignee_match: found.consignee } : {}),
      ...(found.firstSeen ? { first_seen: found.firstSeen } : {}),
    },
  };
}
