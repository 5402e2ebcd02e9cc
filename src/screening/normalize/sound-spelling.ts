/**
 * A name word spelled by its sound the way romanisations and respellings differ (KH, GH, Q, CK, PH,
 * TH, DH, ZH, DJ, OU, OO, EE, doubled letters), for telling how far apart two spellings of one
 * sound are when several such replacements fall in one word: Ghasem ~ Qassim, Kristofer ~
 * Christopher are four edits as written but one or two spelled this way. Only a gate beside a
 * shared phonetic key: it decides nothing on its own.
 */

/**
 * The word with the spelling replacements that keep its sound undone.
 * @example soundSpelling('ghasem') // 'kasem'
 * @example soundSpelling('qassim') // 'kasim'
 */
export function soundSpelling(token: string): string {
  return (
    token
      .replace(/sch/g, 'sh')
      .replace(/t(?=ch)/g, '')
      .replace(/d(?=[sz]h)|d(?=j)/g, '')
      .replace(/zh/g, 'j')
      .replace(/ph/g, 'f')
      // GH is the Persian and Arabic Q as often as a G (Ghasem ~ Qasem), as the phonetic key reads it.
      .replace(/gh/g, 'k')
      .replace(/([ktd])h/g, '$1')
      .replace(/qu?|ck|c(?![eiyh])/g, 'k')
      .replace(/ou|oo/g, 'u')
      .replace(/ee/g, 'i')
      // A letter written twice is one sound (Hassan ~ Hasan, Qassim ~ Qasim).
      .replace(/(.)\1/g, '$1')
  );
}

/**
 * The word with the letters of Arabic names spelled as the commonest romanisations do: ذ and ظ
 * (and ض in Persian, Urdu and Turkish usage) are DH or TH in Arabic and Gulf romanisations and Z in
 * the others (Kadhim ~ Kazim, Nadhir ~ Nazir, Thafir ~ Zafir, Bathali ~ Bazali); ش is SY in
 * Indonesian and Malay spelling (Basyir ~ Bashir, Rosyid ~ Rashid). Undefined when the word has
 * none of them.
 * @example arabicLetterSpelling('kadhim') // 'kazim'
 * @example arabicLetterSpelling('basyir') // 'bashir'
 */
export function arabicLetterSpelling(token: string): string | undefined {
  if (!/[dt]h|sy[aeiou]/.test(token)) return undefined;
  return token.replace(/[dt]h/g, 'z').replace(/sy(?=[aeiou])/g, 'sh');
}

/**
 * The word with the H of Arabic names as romanisations through other languages write it: ح and ه
 * are KH through Russian, which has no H (Akhmad ~ Ahmad, Khamza ~ Hamza), and ش is CH in French
 * (Achraf ~ Ashraf, Hachem ~ Hashem). Undefined when the word has neither.
 * @example throughOtherLanguages('khamza') // 'hamza'
 * @example throughOtherLanguages('achraf') // 'ashraf'
 */
export function throughOtherLanguages(token: string): string | undefined {
  if (!/[ck]h/.test(token)) return undefined;
  return token.replace(/ch/g, 'sh').replace(/kh/g, 'h');
}
