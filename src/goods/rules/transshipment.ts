/**
 * Rule `transshipment`: a regulated item shipped to a country other than the buyer's, routed
 * through third countries or a free zone, or consigned to a freight forwarder rather than the
 * buyer — the patterns used to move controlled goods past the destination's controls.
 */
import type { AlertDraft } from '../goods-alert.js';
import { asciiWords } from '../description-text.js';
import type { LineReading } from '../line-identification.js';
import { describeMatch } from './missing-permit.js';
import type { RuleContext } from './rule-context.js';

const paddedPhrases = new WeakMap<readonly string[], string[]>();

function containsPhrase(text: string, phrases: readonly string[]): string | undefined {
  if (text === '') return undefined;
  let padded = paddedPhrases.get(phrases);
  if (!padded) {
    padded = phrases.map((p) => ` ${asciiWords(p)} `);
    paddedPhrases.set(phrases, padded);
  }
  const words = ` ${asciiWords(text)} `;
  const i = padded.findIndex((p) => words.includes(p));
  return i >= 0 ? phrases[i] : undefined;
}

export function transshipment(reading: LineReading, ctx: RuleContext): AlertDraft | undefined {
  const id = reading.identification;
  const line = reading.line;
  if (!id) return undefined;
  const signs: string[] = [];
  if (line.shipToCountry && line.buyerCountry && line.shipToCountry !== line.buyerCountry)
    signs.push(`shipped to ${line.shipToCountry} while the buyer is in ${line.buyerCountry}`);
  const third = line.viaCountries.filter((c) => c !== line.originCountry && c !== line.shipToCountry);
  if (third.length) signs.push(`routed through ${third.join(', ')}`);
  const zone =
    containsPhrase(line.consignee, ctx.index.freeZoneWords) ??
    containsPhrase(line.buyerAddress, ctx.index.freeZoneWords) ??
    containsPhrase(line.description, ctx.index.freeZoneWords);
  if (zone) signs.push(`a free zone on the way ("${zone}")`);
  const consignee = line.consignee.trim();
  const forwarder =
    consignee && asciiWords(consignee) !== asciiWords(line.buyer)
      ? containsPhrase(consignee, ctx.index.forwarderWords)
      : undefined;
  if (forwarder)
    signs.push(`consigned to "${consignee}", a freight forwarder or logistics firm, not the buyer`);
  if (signs.length === 0) return undefined;
  const itemId = id.type === 'chemical' ? id.item.id : id.hit.item.id;
  return {
    rule: 'transshipment',
    subject: `line:${line.lineId}`,
    lineIds: [line.lineId],
    item: ctx.index.item(itemId)!,
    severity: signs.length >= 2 ? 'high' : 'medium',
    summary: `${describeMatch(reading)}: ${signs.join('; ')}.`,
    facts: {
      signs,
      buyer: line.buyer,
      buyer_country: line.buyerCountry,
      consignee,
      ship_to_country: line.shipToCountry,
      via_countries: line.viaCountries,
      origin_country: line.originCountry,
    },
  };
}
