/**
 * Words in personal names that do not identify the person: titles and honorifics (dropped at the
 * start of a name), and particles (Spanish de/del/y, Arabic al-/bin/ibn, Dutch van …) that are
 * dropped for comparison because lists write them inconsistently. Titles informed by the rigour
 * stopwords list (opensanctions/rigour, resources/names/stopwords.yml, MIT).
 */

/** Titles and honorifics, one or more tokens, recognised only at the start of a name. */
export const personTitles: ReadonlySet<string> = new Set([
  'mr',
  'mister',
  'mrs',
  'miss',
  'ms',
  'mx',
  'madam',
  'madame',
  'mme',
  'monsieur',
  'mlle',
  'frau',
  'herr',
  'senor',
  'senora',
  'senorita',
  'sr',
  'sra',
  'srta',
  'don',
  'dona',
  'dr',
  'doctor',
  'dra',
  'prof',
  'professor',
  'lic',
  'licenciado',
  'licenciada',
  'ing',
  'ingeniero',
  'arq',
  'president',
  'prasident',
  'presidente',
  'presidenta',
  'ambassador',
  'amb',
  'general',
  'gen',
  'colonel',
  'col',
  'coronel',
  'captain',
  'capt',
  'capitan',
  'comandante',
  'commander',
  'admiral',
  'brigadier',
  'lieutenant',
  'lt',
  'major general',
  'lieutenant general',
  'lieutenant colonel',
  'field marshal',
  'sheikh',
  'shaikh',
  'sheik',
  'shaykh',
  'cheikh',
  'sayyid',
  'sayed',
  'seyed',
  'seyyed',
  'sayyed',
  'mullah',
  'mulla',
  'maulana',
  'maulvi',
  'mawlawi',
  'imam',
  'ayatollah',
  'hojatoleslam',
  // Not Amir or Emir: given names as often as titles (Amir Khan Muttaqi, "KOSARIAN, Amir"); taken
  // as a title, "Amir Khan" would be "Khan" and meet every Khan at 1.0. Kept as a name part, a
  // title written on one side only costs what a missing given name costs.
  'his excellency',
  'her excellency',
  'his majesty',
  'her majesty',
  'his highness',
  'her highness',
  'sir',
  'dame',
  'lord',
  'lady',
  'rev',
  'reverend',
  'father',
  'chairman',
  'director',
  'minister',
  'senator',
  'governor',
  'judge',
  // Not Prince, Pastor, Bishop or Cardinal alone: they are given names and surnames too ("JOHNSON,
  // Prince", Pastor Maldonado).
  'pope',
  'archbishop',
  'patriarch',
  'rabbi',
  'crown prince',
]);

/**
 * Post-nominal letters at the end of a personal name (degrees, honours, "Esq."): like a title they
 * identify no one, so they are taken out as titles. Only at the end of a name of three words or
 * more, so Md at the start stays Muhammad.
 */
export const postNominals: ReadonlySet<string> = new Set([
  'phd',
  'md',
  'esq',
  'mba',
  'cpa',
  'obe',
  'mbe',
  'cbe',
  'kbe',
  'dbe',
  'qc',
  'kc',
  'dds',
  'jd',
  'llm',
  'ret',
]);

/**
 * Connectors dropped before comparison when they sit inside a name (Spanish "de la", "y";
 * Portuguese "dos"; Dutch "van der"). At the edges they are kept, since "Do" or "Le" can be a
 * Vietnamese surname.
 */
export const personParticles: ReadonlySet<string> = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'e',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'du',
  'des',
  'della',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'zu',
  'vom',
  'le',
  'lo',
  'i',
]);

/** Arabic article and filiation words ("al-", "bin", "ibn", "ould"), dropped wherever they are. */
export const arabicParticles: ReadonlySet<string> = new Set([
  'al',
  'el',
  'ul',
  'bin',
  'ben',
  'ibn',
  'bint',
  'binti',
  'bte',
  'bt',
  'ould',
  'walad',
]);

/**
 * Filiation words as Arabic script writes them without short vowels, once romanised (بن bn, بنت bnt,
 * ابن abn): particles only in a name romanised from an abjad, where no one is called "Bn".
 */
export const abjadFiliationWords: ReadonlySet<string> = new Set(['bn', 'bnt', 'abn']);

/**
 * Generation suffixes at the end of a personal name ("Jr.", "Senior", "III"): they tell a father
 * from a son who share every other part, so they are kept aside, not compared as name parts.
 * Each maps to one spelling so "Jr" and "Junior" agree.
 */
export const generationSuffixes: ReadonlyMap<string, string> = new Map([
  ['jr', 'jr'],
  ['junior', 'jr'],
  ['jnr', 'jr'],
  ['sr', 'sr'],
  ['senior', 'sr'],
  ['snr', 'sr'],
  ['ii', 'ii'],
  ['iii', 'iii'],
  ['iv', 'iv'],
]);

/** Filiation words: the name after them is the father's ("Mohammed bin Salman"). */
export const filiationWords: ReadonlySet<string> = new Set([
  'bn',
  'bnt',
  'abn',
  'bin',
  'ben',
  'ibn',
  'bint',
  'binti',
  'ould',
  'walad',
]);

/** Arabic-name words that are part of the name but say little about identity (kunya "abu", "haji"). */
export const weakNameWords: ReadonlySet<string> = new Set([
  'abu',
  'abou',
  'umm',
  'um',
  'haji',
  'hajji',
  'hadji',
  'mohammad',
  'muhammad',
  'mohammed',
  'mohamed',
  'muhammed',
  'mohamad',
  'mehmet',
  'ahmad',
  'ahmed',
  'ali',
  'abdul',
  'abd',
  'syed',
  'sayed',
  'mir',
  'khan',
  'shah',
  'kim',
  'lee',
  'li',
  'park',
  'wang',
  'zhang',
  'chen',
  'liu',
  'nguyen',
  'jose',
  'juan',
  'maria',
  'john',
  'garcia',
  'hernandez',
  'lopez',
  'martinez',
  'gonzalez',
  'rodriguez',
  'perez',
  'sanchez',
  'ramirez',
  'smith',
]);
