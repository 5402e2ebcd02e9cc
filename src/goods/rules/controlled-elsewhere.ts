/**
 * Rule `controlled-elsewhere`: a chemical controlled in a jurisdiction at the origin or on the
 * route but under no control the catalog knows at the destination, or one that is proposed for
 * control or was scheduled recently — the chemicals trade shifts to. UN-tabled chemicals are
 * controlled by every Party, so only their recent scheduling is reported.
 */
import type { AlertDraft } from '../goods-alert.js';
import type { ChemicalItem } from '../catalog-schema.js';
import type { LineReading } from '../line-identification.js';
import { describeMatch } from './missing-permit.js';
import type { RuleContext } from './rule-context.js';

/** How recent a scheduling still counts as new, in days. */
export const RECENTLY_SCHEDULED_DAYS = 730;

const dateLabels: Record<string, string> = {
  usListed: 'US listing',
  usRegulatedSince: 'US regulation',
  usScopeExtended: 'US listing extended',
  euListed: 'EU listing',
  unScheduled: 'UN scheduling',
  usProposed: 'US proposal',
};

function controlledIn(item: ChemicalItem, country: string, eu: ReadonlySet<string>): string | undefined {
  if (country === 'US' && (item.us.list === 'I' || item.us.list === 'II')) return `US List ${item.us.list}`;
  if (eu.has(country) && item.eu.category !== 'none' && item.eu.category !== 'see note')
    return `EU Category ${item.eu.category}`;
  return undefined;
}

function daysBetween(from: string, to: string): number {
  const d = (s: string) => Date.parse(s.length === 7 ? `${s}-01` : s);
  return (d(to) - d(from)) / 86_400_000;
}

export function controlledElsewhere(reading: LineReading, ctx: RuleContext): AlertDraft | undefined {
  const id = reading.identification;
  if (id?.type !== 'chemical') return undefined;
  const item = id.item;
  const line = reading.line;
  const reasons: string[] = [];
  const eu = ctx.index.eu;
  if (item.un.table === 'none') {
    const to = line.shipToCountry;
    const where = [line.originCountry, ...line.viaCountries]
      .filter((c) => c && c !== to)
      .map((c) => ({ c, control: controlledIn(item, c, eu) }))
      .filter((x) => x.control);
    if (where.length && to && !controlledIn(item, to, eu))
      reasons.push(
        `controlled in ${where.map((x) => `${x.c} (${x.control})`).join(', ')} on the route but under no control the catalog holds for the destination ${to}`,
      );
  }
  if (item.us.list === 'proposed-I')
    reasons.push(
      `proposed for US List I${item.dates?.usProposed ? ` on ${item.dates.usProposed}` : ''} (${item.us.proposal ?? 'DEA proposal'})`,
    );
  for (const [key, date] of Object.entries(item.dates ?? {})) {
    if (key === 'usProposed') continue;
    const age = daysBetween(date, line.date);
    if (age >= 0 && age <= RECENTLY_SCHEDULED_DAYS)
      reasons.push(`newly scheduled: ${dateLabels[key] ?? key} ${date}`);
  }
  if (reasons.length === 0) return undefined;
  return {
    rule: 'controlled-elsewhere',
    subject: `line:${line.lineId}`,
    lineIds: [line.lineId],
    item: ctx.index.item(item.id)!,
    severity: reasons.some((r) => r.startsWith('controlled in')) ? 'medium' : 'low',
    summary: `${describeMatch(reading)}: ${reasons.join('; ')}.`,
    facts: {
      reasons,
      origin_country: line.originCountry,
      via_countries: line.viaCountries,
      ship_to_country: line.shipToCountry,
      dates: item.dates ?? {},
    },
  };
}
