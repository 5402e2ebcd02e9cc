/**
 * Arabic "Abd al-X" names, written joined or split in many ways (the article's U also as the
 * French OU when joined: Abdoullah, Abdourahmane) and often mistyped in their first letters, made
 * one token "abd" + X so that every spelling of one name meets the others.
 */
import { namesOfGodNeverGiven } from './abd-divine-names.js';
import { NAME_ROLE } from './name-roles.js';
import type { TypoReading } from './typo-vocabulary.js';

const ABD_FORMS = new Set([
  'abd',
  'abdul',
  'abdel',
  'abdal',
  'abdil',
  'abdyl',
  'abdu',
  'abdur',
  'abdus',
  'abdoul',
  'abdol',
]);

/**
 * The same forms with two neighbouring letters swapped ("Adbul", "Abudl", "Badur"): a typo there
 * must cost a typo, not split "Abdul Bari" into two parts against the joined "abdbari".
 */
const ABD_TYPOS: ReadonlySet<string> = new Set(
  [...ABD_FORMS]
    .filter((form) => form.length >= 4)
    .flatMap((form) =>
      Array.from(
        { length: form.length - 1 },
        (_, k) => form.slice(0, k) + form[k + 1] + form[k] + form.slice(k + 2),
      ),
    )
    .filter((typo) => !ABD_FORMS.has(typo)),
);

/**
 * Arabic "Abd al-X" names are written joined or split in many ways (Abdul Rahman, Abdulrahman,
 * Abd al-Rahman, Abdur Rahman): all become one token "abd" + X.
 */
export function joinArabicAbd(
  tokens: string[],
  roles: number[],
  readings: TypoReading[],
): { tokens: string[]; roles: number[] } {
  const out: string[] = [];
  const outRoles: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const written = tokens[i]!;
    const token = abdTypo(written);
    if (token !== written) readings.push({ written, read: token, kind: 'name element' });
    const next = tokens[i + 1];
    if ((ABD_FORMS.has(token) || ABD_TYPOS.has(token)) && next !== undefined && next.length > 2) {
      out.push(`abd${stripArticle(next)}`);
      i++;
    } else if (token.length > 6 && token.startsWith('abd')) {
      out.push(`abd${stripArticle(token.slice(3), true)}`);
    } else out.push(token);
    outRoles.push(roles[i] ?? NAME_ROLE.unknown);
  }
  return { tokens: out, roles: outRoles };
}

/**
 * The one token an Abd- name becomes when written surname-first, its X before the Abd- form
 * ("RAHMAN Abdul" for Abdul Rahman, no comma to say the order), or undefined when `abdForm` is not
 * an Abd- form left standing alone. The parse cannot join these (a lone Abdul is also a name of
 * its own); the comparison does when the other name holds the joined token.
 */
export function abdNameWrittenBefore(word: string, abdForm: string): string | undefined {
  return ABD_FORMS.has(abdForm) && word.length > 2 ? `abd${stripArticle(word)}` : undefined;
}

/** Words one letter from an Abd- form that are words or names of their own. */
const NAMES_LIKE_ABD_DROPS = new Set([
  'abu',
  'abul',
  'aboul',
  'adel',
  'abel',
  'adil',
  'abdi',
  'abdo',
  'abdou',
  'abda',
  'abde',
  'abdy',
]);

/**
 * Abd- forms with one letter dropped after the first ("Adul", "Abur", "Abdl"), mapped to what the
 * joined name keeps of "abd" ("ad", "ab", "abd"). Forms that are words or names of their own are
 * left out: Abu (father of), Abul, Aboul, Adel, Abel, Adil, Abdi, Abdo, Abdou, Abda, Abde, Abdy.
 */
const ABD_DROPS: ReadonlyMap<string, string> = new Map(
  [...ABD_FORMS]
    .filter((form) => form.length >= 4)
    .flatMap((form) =>
      Array.from({ length: form.length - 1 }, (_, k): [string, string] => [
        form.slice(0, k + 1) + form.slice(k + 2),
        k < 2 ? 'abd'.slice(0, k + 1) + 'abd'.slice(k + 2) : 'abd',
      ]),
    )
    .filter(([drop]) => !ABD_FORMS.has(drop) && !NAMES_LIKE_ABD_DROPS.has(drop)),
);

/**
 * "Abul" before a name of God ("Abul Salam", "Abul Rahman"): no kunya is "father of" a name of God,
 * so this is the Abd- form "Abdul" with its D dropped, kept as what the joined name keeps of "abd"
 * ("ab"), so the slip still costs; before any other word Abul is the kunya it reads as.
 */
function abulBeforeNameOfGod(slipped: string, name: string): string | undefined {
  return (slipped === 'abul' || slipped === 'aboul') && namesOfGodNeverGiven.has(name) ? 'ab' : undefined;
}

/**
 * A split Abd- name whose Abd- form lost a letter ("Adul Rachim", "Abur Rehman") against the
 * joined name the other side holds ("abdrachim"): the token the two words make with the slip kept
 * ("adrachim", one letter from it, so the slip still costs), or undefined when `slipped` is not such
 * a form or the other side holds no such name.
 */
export function abdNameWithSlip(
  slipped: string,
  word: string,
  otherTokens: readonly string[],
): string | undefined {
  if (word.length <= 2) return undefined;
  const name = stripArticle(word);
  const kept = ABD_DROPS.get(slipped) ?? abulBeforeNameOfGod(slipped, name);
  if (kept === undefined) return undefined;
  return otherTokens.includes(`abd${name}`) ? kept + name : undefined;
}

/**
 * The token two neighbouring words make as the Abd- name the other side holds joined ("RAHMAN
 * Abdul", "Adul Rachim" against "abdrahman", "abdrachim"), or undefined.
 */
export function abdNameAcross(
  first: string,
  second: string,
  otherTokens: readonly string[],
): string | undefined {
  const before = abdNameWrittenBefore(first, second);
  if (before !== undefined && otherTokens.includes(before)) return before;
  return abdNameWithSlip(first, second, otherTokens);
}

/** Surname endings that say a Bad- word is not an Abd- name with its first letters swapped. */
const NOT_ARABIC_END = /(?:ov|ova|ev|eva|yan|ian|enko|escu)$/;

/** Abdallah, Abdullah, Abdellah with the B dropped. */
const ADALLAH = /^ad[aeiu]ll?ah$/;

/** Abd- forms of five letters or more: what a token read as a mistyped Abd- name must start with. */
const LONG_ABD_FORMS = [...ABD_FORMS].filter((form) => form.length >= 5);

/** The token is an Abd- form, or a longer word that starts with one of five letters or more. */
function abdShaped(token: string): boolean {
  return ABD_FORMS.has(token) || (token.length > 6 && LONG_ABD_FORMS.some((form) => token.startsWith(form)));
}

/** Abd- forms with one letter dropped after the first, each with the form it came from. */
const ABD_FORM_DROPS: ReadonlyArray<readonly [string, string]> = [...ABD_FORMS]
  .filter((form) => form.length >= 4)
  .flatMap((form) =>
    Array.from({ length: form.length - 1 }, (_, k): [string, string] => [
      form.slice(0, k + 1) + form.slice(k + 2),
      form,
    ]),
  )
  .filter(([drop]) => !ABD_FORMS.has(drop));

/**
 * A joined Abd- name whose Abd- form lost a letter after the first, when what follows is Allah or
 * a name of God ("Abullah", "Abulrahman", "Adelrazek", "Aburrahman"): Abul is a kunya and Adel,
 * Abel or Adil names of their own only before a son's or another name, never before a name of God,
 * so the word is the Abd- name mistyped. Returns the Abd- name with the form restored, or undefined.
 */
function abdFormSlipBeforeNameOfGod(token: string): string | undefined {
  // Words already starting with "abd" join as Abd- names with the slip kept (see joinArabicAbd).
  if (token.length < 6 || token.charCodeAt(0) !== 97 || token.startsWith('abd')) return undefined; // 'a'
  for (const [drop, form] of ABD_FORM_DROPS) {
    if (!token.startsWith(drop)) continue;
    const whole = form + token.slice(drop.length);
    const name = stripArticle(whole.slice(3), true);
    if (name === 'lah' || namesOfGodNeverGiven.has(name)) return whole;
  }
  return undefined;
}

/**
 * An Abd- name mistyped in its first letters, read as the Abd- name so that it joins like the
 * others: a letter doubled in the first five ("Abbdul", "Abddul", "Abduullah", "Abdeelrazak"; no
 * romanisation doubles those letters) or the last letter of an Abd- form doubled ("Abdull"), two neighbouring letters swapped after the first
 * ("Adbelmalek", "Abudllahi", "Abadllah") or the first two in a long word ("Badullah"), the first vowel replaced by another ("Obdul",
 * "Ibdelhay"), or the first letter dropped ("Bdul", and the B of "Adallah"). The result must be an Abd- form or start with one of five letters or more, so
 * that Badr, Adel, Abul or Abed (names of their own) are never read as Abd-.
 */
function abdTypo(token: string): string {
  // The first letter dropped: no name starts with BD ("bdul", "bdelrazik", "'bd"), and
  // "Adallah", "Adullah" are Abdallah, Abdullah without their B.
  if (token.startsWith('bd')) {
    const whole = `a${token}`;
    if (ABD_FORMS.has(whole) || abdShaped(whole)) return whole;
  }
  if (ADALLAH.test(token)) return `ab${token.slice(1)}`;
  const slipped = abdFormSlipBeforeNameOfGod(token);
  if (slipped !== undefined) return slipped;
  // The first two letters swapped ("Badullah", "Badurrahman"), in long words only and not in
  // Slavic or Armenian surnames (Badalova, Badalyan), which start with Bad- by right.
  if (token.length >= 8 && token.startsWith('bad') && !NOT_ARABIC_END.test(token)) {
    const swapped = `ab${token.slice(2)}`;
    if (abdShaped(swapped)) return swapped;
  }
  if (token.length < 4 || ABD_FORMS.has(token)) return token;
  // Every Abd- form starts with A, and the doubled letter and swap below keep the first letter:
  // a word starting otherwise (nearly every word of a name) can only be a vowel slip, checked
  // without building a dozen strings per word.
  if (token[0] !== 'a') return vowelSlipOfAbd(token);
  for (let k = 1; k < 6 && k < token.length; k++) {
    if (token[k] !== token[k - 1]) continue;
    const once = token.slice(0, k) + token.slice(k + 1);
    // The sixth letter doubled only ends an Abd- form ("Abdull"): Abdullah doubles it by right.
    if (once.startsWith('abd') && (ABD_FORMS.has(once) || (k < 5 && once.length > 6))) return once;
  }
  if (token.length >= 5) {
    for (let k = 1; k < 4; k++) {
      const swapped = token.slice(0, k) + token[k + 1] + token[k] + token.slice(k + 2);
      if (swapped !== token && abdShaped(swapped) && !abdShaped(token)) return swapped;
    }
  }
  return token;
}

/** "Obdul", "Ibdelhay": the first vowel of an Abd- name replaced by another, else the token. */
function vowelSlipOfAbd(token: string): string {
  if (token.length >= 5 && 'eiou'.includes(token[0]!) && token[1] === 'b' && token[2] === 'd') {
    const vowel = `a${token.slice(1)}`;
    if (abdShaped(vowel)) return vowel;
  }
  return token;
}

/** "ul-lah", "allah", "ur-rahman", "el-kader" → the word without its article. */
function stripArticle(written: string, joined = false): string {
  // French spelling writes the article's U as OU (Abdoullah, Abdourahmane, Abdoulkader).
  const word = joined && written.startsWith('ou') ? written.slice(1) : written;
  const c0 = word[0];
  const c1 = word[1];
  const c2 = word[2];
  // Written joined, "Abdillah" is "Abd illah" (Indonesian and Malay spelling); a separate word
  // starting with "il" is a name of its own (Abdul Ilyas).
  if (
    (c0 === 'a' || c0 === 'u' || c0 === 'e' || c0 === 'o' || (joined && c0 === 'i')) &&
    c1 !== undefined &&
    c2 !== undefined
  ) {
    // "Abdulah", "Abdalah": Allah written with one L.
    if (c1 === 'l' && word === `${c0}lah`) return 'lah';
    // A four-letter word of its own after an Abd- form is a name, not the article before two
    // letters (an Arabic root has three consonants): "Abdul Alam", "Abdul Atta" keep their word,
    // as the joined "Abdulalam" does. The article alone, its L doubled ("Abd All-Rahman"), and
    // Allah short of a letter ("Abd Alla") still read as before; joined, the article is certain.
    if (!joined && word.length === 4 && !(c1 === 'l' && c2 === 'l')) return word;
    if (c1 === 'l') return word.slice(2).replace(/^l(?=l)/, '');
    if (c1 === c2 && c1 !== 'a') return word.slice(2);
  }
  return word;
}

/** "Abd" with a letter dropped: too short to be read as Abd- in a name, yet a slip of it before a name. */
const ABD_SHORT_DROPS = new Set(['ab', 'ad']);

/**
 * The joined Abd- name ("abd" + X) that neighbouring words of a name may be a slip of, for the
 * index to look up, since the name parse leaves them apart: an Abd- form with a letter dropped
 * before X ("Abdl Muthana", "Adul Aziz", "Ab Al-Baqi", "Ad-al-Karim", and Abul before a name of
 * God: "Abul Salam"; two words), or an Abd- form
 * before the article with its L dropped ("Abd-a-Hakim", "Abd A-Rahman"; three words). The scorer
 * takes these for the joined name at the cost of a slip; without the joined word among the query's
 * keys the index would not offer it. `third` is the word after `second`.
 * @example abdNameSlipJoin('abdl', 'muthana', undefined) // { joined: 'abdmuthana', words: 2 }
 * @example abdNameSlipJoin('abd', 'a', 'hakim') // { joined: 'abdhakim', words: 3 }
 */
export function abdNameSlipJoin(
  first: string,
  second: string,
  third: string | undefined,
): { joined: string; words: number } | undefined {
  if (first.charCodeAt(0) !== 97 || first.length > 6) return undefined; // 'a': every Abd- form starts so
  if (second === 'a') {
    return ABD_FORMS.has(first) && third !== undefined && third.length > 2
      ? { joined: `abd${stripArticle(third)}`, words: 3 }
      : undefined;
  }
  if (second.length <= 2) return undefined;
  const name = stripArticle(second);
  if (!(ABD_DROPS.has(first) || ABD_SHORT_DROPS.has(first) || abulBeforeNameOfGod(first, name)))
    return undefined;
  return { joined: `abd${name}`, words: 2 };
}
