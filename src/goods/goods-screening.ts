/**
 * The goods-screening engine: lines go in one at a time (so a long file is never held whole),
 * per-line rules answer at once, and the rules that need the whole file — split orders, first-time
 * buyers, company shopping — answer at `finish()`. Pure: the catalog, the watchlist check and
 * the refusals are handed in.
 */
import type { GoodsCatalog } from './catalog-schema.js';
import { CatalogIndex } from './catalog-index.js';
import { asciiWords } from './description-text.js';
import { BuyerGroups } from './buyer-groups.js';
import { type AlertDraft, type GoodsAlert, type GoodsRule, makeGoodsAlert } from './goods-alert.js';
import { type LineReading, readLine } from './line-identification.js';
import type { OrderLine } from './order-line.js';
import { casCheckDigit } from './rules/cas-check-digit.js';
import { companyShopping, type Refusal, type ResolvedRefusal } from './rules/company-shopping.js';
import { controlledElsewhere } from './rules/controlled-elsewhere.js';
import { misdeclaration } from './rules/misdeclaration.js';
import { missingPermit } from './rules/missing-permit.js';
import { NEW_BUYER_DAYS, type PartyCheck, partyRisk, type WatchlistHit } from './rules/party-risk.js';
import type { RuleContext } from './rules/rule-context.js';
import { splitOrders, type ThresholdLine } from './rules/split-order.js';
import { transshipment } from './rules/transshipment.js';
import { unitReview } from './rules/unit-review.js';
import { applicableThreshold } from './transaction-threshold.js';
import { readCas } from './cas-number.js';
import { readHs } from './hs-code.js';
import { toQuantity } from './quantity-units.js';
import { prepareName, scoreNames } from '../screening/index.js';

export interface GoodsScreeningOptions {
  catalog: GoodsCatalog | CatalogIndex;
  /** Named in every alert, e.g. `2026.12.01@3` (catalog version @ store version). */
  catalogVersion: string;
  /** Screens buyers and consignees against loaded watchlists; without it party risk is first-time buyers only. */
  partyCheck?: PartyCheck;
  refusals?: readonly Refusal[];
}

interface PendingLine {
  reading: LineReading;
  group: number;
  watch: { buyer?: WatchlistHit; consignee?: WatchlistHit };
}

/**
 * @example
 * const screening = new GoodsScreening({ catalog, catalogVersion: catalog.version });
 * for (const line of lines) out.push(...screening.add(line));
 * out.push(...screening.finish());
 */
export class GoodsScreening {
  readonly index: CatalogIndex;
  private readonly ctx: RuleContext;
  private readonly groups = new BuyerGroups();
  private readonly firstDate = new Map<number, string>();
  private readonly pending: PendingLine[] = [];
  private readonly thresholdLines: ThresholdLine[] = [];
  private readonly watchMemo = new Map<string, WatchlistHit | null>();
  private readonly refusals: ResolvedRefusal[] = [];
  private earliest = '';
  readonly counts = new Map<GoodsRule, number>();
  identifiedLines = 0;

  constructor(private readonly options: GoodsScreeningOptions) {
    this.index =
      options.catalog instanceof CatalogIndex ? options.catalog : new CatalogIndex(options.catalog);
    this.ctx = { index: this.index };
    for (const r of options.refusals ?? []) {
      const itemId = this.resolveItem(r.item);
      if (itemId) this.refusals.push({ ...r, group: this.groups.groupOf(r.buyer), itemId });
    }
  }

  /** Catalog item id of a refusal's item text (a CAS number, a name or a model). */
  private resolveItem(text: string): string | undefined {
    const cas = readCas(/^[\d\s-]+$/.test(text.trim()) ? text : '');
    const line: OrderLine = {
      lineId: 'refusal',
      date: '1970-01-01',
      seller: '',
      buyer: '',
      buyerAddress: '',
      buyerCountry: '',
      consignee: '',
      shipToCountry: '',
      viaCountries: [],
      originCountry: '',
      description: cas.kind === 'number' ? '' : text,
      cas: cas.kind === 'malformed' ? { kind: 'absent' } : cas,
      hs: readHs(''),
      quantity: toQuantity(1, 'kg')!,
      quantityText: '',
      permitRef: '',
    };
    const id = readLine(this.index, line).identification;
    return id ? (id.type === 'chemical' ? id.item.id : id.hit.item.id) : undefined;
  }

  /** Screens one line; returns the alerts of the per-line rules. */
  add(line: OrderLine): GoodsAlert[] {
    const reading = readLine(this.index, line);
    const group = this.groups.groupOf(line.buyer || `(no buyer on line ${line.lineId})`);
    const first = this.firstDate.get(group);
    if (!first || line.date < first) this.firstDate.set(group, line.date);
    if (this.earliest === '' || line.date < this.earliest) this.earliest = line.date;
    const drafts: AlertDraft[] = [];
    const push = (d: AlertDraft | undefined) => {
      if (d) drafts.push(d);
    };
    push(casCheckDigit(reading, this.ctx));
    const watch = this.watch(line);
    const id = reading.identification;
    if (id) {
      this.identifiedLines++;
      push(missingPermit(reading, this.ctx));
      push(misdeclaration(reading, this.ctx));
      push(transshipment(reading, this.ctx));
      push(controlledElsewhere(reading, this.ctx));
      push(unitReview(reading, this.ctx));
      if (id.type === 'chemical') {
        const threshold = applicableThreshold(id.item, line, this.index.usDesignated);
        if (threshold)
          this.thresholdLines.push({ line, item: id.item, group, threshold, fraction: id.listedFraction });
      }
      this.pending.push({ reading, group, watch });
    } else if (watch.buyer || watch.consignee) {
      push(partyRisk(reading, watch, this.ctx));
    }
    return drafts.map((d) => this.finishDraft(d));
  }

  /** The rules that need every line: split orders, first-time buyers, company shopping. */
  finish(): GoodsAlert[] {
    const drafts: AlertDraft[] = [];
    drafts.push(...splitOrders(this.thresholdLines, (g) => this.groups.names(g), this.ctx));
    const historyFrom = this.earliest ? Date.parse(this.earliest) : 0;
    for (const p of this.pending) {
      const firstSeen = this.firstDate.get(p.group)!;
      const lineDay = Date.parse(p.reading.line.date);
      const isNew =
        (lineDay - Date.parse(firstSeen)) / 86_400_000 < NEW_BUYER_DAYS &&
        (lineDay - historyFrom) / 86_400_000 >= NEW_BUYER_DAYS;
      const party = partyRisk(p.reading, { ...p.watch, ...(isNew ? { firstSeen } : {}) }, this.ctx);
      if (party) drafts.push(party);
      if (this.refusals.length) {
        const shop = companyShopping(p.reading, p.group, this.refusals, sameSeller, this.ctx);
        if (shop) drafts.push(shop);
      }
    }
    return drafts.map((d) => this.finishDraft(d));
  }

  private finishDraft(d: AlertDraft): GoodsAlert {
    this.counts.set(d.rule, (this.counts.get(d.rule) ?? 0) + 1);
    return makeGoodsAlert(d, this.options.catalogVersion);
  }

  private watch(line: OrderLine): { buyer?: WatchlistHit; consignee?: WatchlistHit } {
    const check = this.options.partyCheck;
    if (!check) return {};
    const one = (name: string, country: string): WatchlistHit | undefined => {
      if (!name) return undefined;
      const key = `${name}\u0000${country}`;
      let hit = this.watchMemo.get(key);
      if (hit === undefined) {
        hit = check(name, country) ?? null;
        this.watchMemo.set(key, hit);
      }
      return hit ?? undefined;
    };
    const buyer = one(line.buyer, line.buyerCountry);
    const consignee =
      line.consignee && line.consignee !== line.buyer ? one(line.consignee, line.shipToCountry) : undefined;
    return { ...(buyer ? { buyer } : {}), ...(consignee ? { consignee } : {}) };
  }
}

/** Sellers are the same company when their names match as buyers' do. */
function sameSeller(a: string, b: string): boolean {
  if (asciiWords(a) === asciiWords(b)) return true;
  return scoreNames(prepareName(a, 'Organization'), prepareName(b, 'Organization')) >= 0.8;
}

/**
 * Screens a whole array of lines (tests, small files).
 *
 * @example
 * const alerts = screenOrderLines(lines, { catalog, catalogVersion: catalog.version });
 */
export function screenOrderLines(lines: readonly OrderLine[], options: GoodsScreeningOptions): GoodsAlert[] {
  const s = new GoodsScreening(options);
  const out: GoodsAlert[] = [];
  for (const line of lines) out.push(...s.add(line));
  out.push(...s.finish());
  return out;
}
