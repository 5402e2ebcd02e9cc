/**
 * Legal-form phrases taken out of a name (LIMITED LIABILITY COMPANY, S.A. DE C.V.), also when some
 * of their words are mistyped: a legal form identifies no one, and a typo in it must not turn it
 * into a distinctive word.
 */
import { legalFormPhrases, longestLegalFormPhrase, type LegalForm } from './legal-forms.js';
import type { NameKindHint } from './name-kind.js';
import {
  legalFormWordThroughDoubling,
  readThroughTypo,
  shortLegalFormThroughDoubling,
  shortLegalFormThroughSwap,
  type TypoReading,
} from './typo-vocabulary.js';

/**
 * Removes legal-form phrases; short ambiguous ones only at the edges, people only at the end.
 * A phrase also counts when some of its words are mistyped (`typo-vocabulary.ts`): "LIMITED
 * LIABILITY COMPNY" is an LLC. Names of unknown kind need two or more words for that, so a
 * single mistyped word never turns a person into a company.
 */
export function stripLegalForms(
  tokens: string[],
  kind: NameKindHint,
  found: LegalForm[],
  readings: TypoReading[],
  ignored: string[],
): string[] {
  if (kind === 'person') {
    if (tokens.length < 3) return tokens;
    const last = legalFormPhrases.get(tokens[tokens.length - 1]!);
    // Short forms (SA, AG, PAO) are also surnames ("PAO, Hua Chiang"): only unambiguous ones count.
    if (last && !last.edgeOnly) {
      found.push(last);
      ignored.push(tokens[tokens.length - 1]!);
      return tokens.slice(0, -1);
    }
    return tokens;
  }
  const out = tokens.slice();
  // The legal-form word each token may stand for; a short legal form with a doubled letter
  // ("LLCC") or two letters swapped ("JOSC") only at the edges, a word of a longer phrase with a doubled letter ("CUU") only
  // inside a window of several words.
  const typo = out.map((t, i) => {
    const reading = readThroughTypo(t);
    if (reading?.kind === 'legal form') return reading;
    return (
      (i === 0 || i === out.length - 1
        ? (shortLegalFormThroughDoubling(t) ?? shortLegalFormThroughSwap(t))
        : undefined) ?? phraseOnly(legalFormWordThroughDoubling(t))
    );
  });
  const minFuzzyLength = kind === 'organization' ? 1 : 2;
  let changed = true;
  while (changed && out.length > 1) {
    changed = false;
    for (let start = 0; start < out.length && !changed; start++) {
      for (let len = Math.min(longestLegalFormPhrase, out.length - start); len >= 1; len--) {
        if (len === out.length) continue; // never strip the whole name
        const window = out.slice(start, start + len);
        let form = legalFormPhrases.get(window.join(' '));
        let used: TypoReading[] = [];
        if (!form && len >= minFuzzyLength) {
          const readings = typo.slice(start, start + len);
          if (len === 1 && readings[0] !== undefined && phraseOnlyReadings.has(readings[0])) continue;
          if (readings.some((r) => r !== undefined)) {
            const match = fuzzyPhrase(window, readings);
            if (match) {
              form = match.form;
              used = match.used;
            }
          }
        }
        if (!form) continue;
        const atEdge = start === 0 || start + len === out.length;
        if (form.edgeOnly && !atEdge) continue;
        found.push(form);
        readings.push(...used);
        ignored.push(...window);
        out.splice(start, len);
        typo.splice(start, len);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** Readings that count only inside a window of several words (`legalFormWordThroughDoubling`). */
const phraseOnlyReadings = new WeakSet<TypoReading>();

function phraseOnly(reading: TypoReading | undefined): TypoReading | undefined {
  if (reading) phraseOnlyReadings.add(reading);
  return reading;
}

/**
 * The legal form a window of words makes when its mistyped words are read as legal-form words,
 * trying every equally near reading ("LIMITAD LIABILITY COMPANY": limited, not limitada).
 */
function fuzzyPhrase(
  window: readonly string[],
  readings: ReadonlyArray<TypoReading | undefined>,
): { form: LegalForm; used: TypoReading[] } | undefined {
  let phrases: Array<{ words: string[]; used: TypoReading[] }> = [{ words: [], used: [] }];
  for (let k = 0; k < window.length; k++) {
    const r = readings[k];
    const options = r ? [r.read, ...(r.alternatives ?? [])] : [window[k]!];
    const next: typeof phrases = [];
    for (const p of phrases)
      for (const o of options)
        if (next.length < 16)
          next.push({
            words: [...p.words, o],
            used: r ? [...p.used, { ...r, read: o, alternatives: undefined }] : p.used,
          });
    phrases = next;
  }
  for (const p of phrases) {
    const form = legalFormPhrases.get(p.words.join(' '));
    if (form) return { form, used: p.used.map(({ written, read, kind }) => ({ written, read, kind })) };
  }
  return undefined;
}
