/**
 * Rule `misdeclaration`: the declared name, the CAS number and the HS code disagree. The classic
 * case is a listed CAS under a harmless description ("cleaning agent"); also a listed name with
 * another chemical's CAS, and an HS heading outside those the catalog gives the item (a mixture
 * declared in chapter 38, or a medicinal product in chapter 30, is not a disagreement).
 */
import { itemHeadings } from '../catalog-index.js';
import type { AlertDraft } from '../goods-alert.js';
import type { LineReading } from '../line-identification.js';
import { describeMatch } from './missing-permit.js';
import type { RuleContext } from './rule-context.js';

const computingHeadings = ['8471', '8473', '8542'];

export function misdeclaration(reading: LineReading, ctx: RuleContext): AlertDraft | undefined {
  const id = reading.identification;
  const line = reading.line;
  if (!id) return undefined;
  const disagreements: string[] = [];
  let high = false;
  const cas = line.cas.kind === 'number' ? line.cas : undefined;
  const hs = line.hs.kind === 'code' ? line.hs : undefined;
  if (id.type === 'chemical') {
    const item = id.item;
    if (id.by === 'cas' || id.by === 'cas-without-check-digit') {
      const other = reading.acceptedNames.find((h) => h.item.id !== item.id && !h.weak);
      if (!id.nameHit && other) {
        disagreements.push(
          `declared as "${line.description}", which names ${other.item.name}, but CAS ${cas?.cas} is ${item.name}'s`,
        );
        high = true;
      } else if (!id.nameHit) {
        disagreements.push(
          `declared as "${line.description}"${reading.description.ordinaryName ? ` (the name of an ordinary chemical, ${reading.description.ordinaryName})` : ''}, but CAS ${cas?.cas} is ${item.name}'s`,
        );
        high = true;
      }
    } else if (
      cas?.checkDigitValid &&
      !item.cas.includes(cas.cas) &&
      id.nameHit &&
      id.nameHit.kind !== 'near-miss'
    ) {
      disagreements.push(
        `named ${item.name} but CAS ${cas.cas} is not its CAS${item.cas.length ? ` (the catalog gives ${item.cas.join(', ')})` : ''}`,
      );
    }
    const headings = itemHeadings({ type: 'chemical', ...item });
    const r = reading.description.reading;
    const mixture = r.mixtureWords || (r.percent !== undefined && r.percent < 90);
    const mixtureChapter = hs && ((mixture && hs.chapter === '38') || hs.chapter === '30');
    if (hs && headings.length && !headings.includes(hs.heading) && !mixtureChapter) {
      disagreements.push(
        `HS ${hs.subheading} declared, but the catalog gives ${item.name} under ${item.hs.join(', ')}`,
      );
    }
  } else if (hs && !computingHeadings.includes(hs.heading)) {
    disagreements.push(
      `"${line.description}" names ${id.hit.model} (ECCN ${id.hit.eccn}) but is declared under HS ${hs.subheading}, outside computers (8471), their parts (8473) and processors (8542)`,
    );
    high = true;
  }
  if (disagreements.length === 0) return undefined;
  return {
    rule: 'misdeclaration',
    subject: `line:${line.lineId}`,
    lineIds: [line.lineId],
    item: ctx.index.item(id.type === 'chemical' ? id.item.id : id.hit.item.id)!,
    severity: high ? 'high' : 'medium',
    summary: `${disagreements.join('; ')}.`,
    facts: {
      identified_by: id.by,
      description: line.description,
      cas: cas?.cas ?? '',
      hs_code: hs?.subheading ?? '',
      disagreements,
      read_as: describeMatch(reading),
    },
  };
}
