/**
 * Two patronymics made from two forms of one given name: a Belarusian or Ukrainian father's name
 * against its Russian form (Ryhoravich ~ Grigoryevich, Mykolayovych ~ Nikolayevich), or a German or
 * Polish romanisation of either (Nikolajewitsch). The endings differ by language and the stems by
 * the forms name-variants.ts groups; the spelling differences alone put them many edits apart.
 */
import { englishSpelling, nameVariantGroup, russianSpelling } from '../normalize/index.js';

/** Russian, Ukrainian and Belarusian patronymic endings, in English-style spelling. */
const PATRONYMIC = /(?:[aoe]vich|[aoe]vych|[aoe]vna|ivna|[ae]una)$/;

const FEMININE = /(?:vna|una)$/;

/** The variant group of the father's name a patronymic is made from, or 0. */
function fatherGroup(word: string): number {
  // The stem as written (Ryhor-avich: the Belarusian form is grouped as written) or read the Russian
  // way (a German or Polish spelling of a Russian patronymic).
  for (const spelled of [englishSpelling(word), englishSpelling(russianSpelling(word))]) {
    const m = PATRONYMIC.exec(spelled);
    if (!m || m.index < 3) continue;
    const stem = spelled.slice(0, m.index);
    // Sergeyevich keeps the Y of Sergey, Sergeevich drops it, Mykolayovych adds one to Mykola.
    for (const form of [stem, `${stem}y`, `${stem}i`, stem.replace(/[yi]$/, '')]) {
      const group = nameVariantGroup.get(form);
      if (group !== undefined) return group;
    }
  }
  return 0;
}

/**
 * Whether two different patronymics are made from forms of one given name.
 * @example sameFatherByVariant('ryhoravich', 'grigoryevich') // true
 * @example sameFatherByVariant('ivanovich', 'petrovich') // false
 */
export function sameFatherByVariant(x: string, y: string): boolean {
  if (x.length < 7 || y.length < 7 || !patronymicEnd(x) || !patronymicEnd(y)) return false;
  // A son's patronymic against a daughter's (-ovich, -ovna) names another person.
  if (FEMININE.test(x) !== FEMININE.test(y)) return false;
  const gx = fatherGroup(x);
  return gx !== 0 && gx === fatherGroup(y);
}

/** Patronymic endings as written in any romanisation end in H, A or Z (-vich, -vna, -wicz): a quick gate. */
function patronymicEnd(word: string): boolean {
  const last = word[word.length - 1];
  return last === 'h' || last === 'a' || last === 'z';
}
