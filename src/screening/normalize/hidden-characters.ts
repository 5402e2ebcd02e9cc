/**
 * Characters that change how a name looks without being part of it: control characters and the
 * Unicode bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can make
 * "SINALOA" display as something else, or split it for a matcher while it still reads whole to a
 * person. They are removed before matching (a zero-width character inside a word joins the word
 * back) and reported, so the analyst sees that the name carried them. Tabs and line breaks become
 * spaces. The zero-width (non-)joiners used in Persian and Indic spelling are left to romanisation.
 */

const HIDDEN_TEST =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const HIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const names: Record<number, string> = {
  1564: 'Arabic letter mark',
  8203: 'zero-width space',
  8206: 'left-to-right mark',
  8207: 'right-to-left mark',
  8234: 'left-to-right embedding',
  8235: 'right-to-left embedding',
  8236: 'pop directional formatting',
  8237: 'left-to-right override',
  8238: 'right-to-left override',
  8288: 'word joiner',
  8294: 'left-to-right isolate',
  8295: 'right-to-left isolate',
  8296: 'first strong isolate',
  8297: 'pop directional isolate',
  65279: 'zero-width no-break space',
};

export interface CleanedText {
  text: string;
  /** One entry per removed character, e.g. "U+202E right-to-left override". */
  removed: string[];
}

/** What a removed character is, for the explanation. */
export function describeCharacter(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} ${names[code] ?? 'control character'}`;
}

/**
 * The text without hidden characters, and what was removed.
 * @example removeHiddenCharacters('SINA\u202eLOA') // { text: 'SINALOA', removed: ['U+202E right-to-left override'] }
 */
export function removeHiddenCharacters(raw: string): CleanedText {
  const spaced =
    raw.includes('\t') || raw.includes('\n') || raw.includes('\r') ? raw.replace(/[\t\n\r]/g, ' ') : raw;
  if (!HIDDEN_TEST.test(spaced)) return { text: spaced, removed: [] };
  const removed: string[] = [];
  const text = spaced.replace(HIDDEN, (c) => {
    removed.push(describeCharacter(c.codePointAt(0)!));
    return '';
  });
  return { text, removed };
}
