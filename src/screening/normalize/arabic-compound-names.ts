/**
 * Arabic compound names of the religion, "X al-Din" (Nizam al-Din, Nizamuddin, Nureddin, Siraj
 * ud-Din), and of God, "X Allah" (Nasr Allah, Nasrallah, Nasrullah, Ubayd Allah, Obaidullah).
 * Names from Pakistan, Afghanistan, Bangladesh and the Maghreb write them joined or apart, with the
 * article spelled al, ul, ud, ad, ed or e: the parse joins the parts the article separated, and the
 * comparison weighs two such names by their first parts, as Abd- names by what follows "abd".
 */

/** The article between the parts, as written apart ("Siraj ud Din", "Nizam al-Din", "Nur'l-Din"). */
const ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul', 'ud', 'ad', 'ed', 'ol', 'od', 'l']);
/** "Din" after an article written apart. */
const BARE_DIN: ReadonlySet<string> = new Set(['din', 'deen', 'dine']);
/** "Din" with its article glued, as Arabic script writes it (الدين "aldin") or a listing copies it. */
const GLUED_DIN = /^[ae]ld(?:in|een|ine)$/;
/** "Allah" written apart after the first part ("allh": الله romanised without its vowel). */
const ALLAH: ReadonlySet<string> = new Set(['allah', 'ullah', 'ollah', 'ellah', 'ulla', 'allh']);

/**
 * The tokens with "X al-Din" and "X Allah" written apart made one token each (the article kept as
 * written), or the same tokens when there is none. The article of "al-Din" is a particle the parse
 * drops, which would leave a bare "Din" that no joined spelling holds.
 * @example joinArabicCompounds(['nizam', 'al', 'din', 'ahmed']) // ['nizamaldin', 'ahmed']
 * @example joinArabicCompounds(['ubayd', 'allah']) // ['ubaydallah']
 */
export function joinArabicCompounds(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (next !== undefined && token.length >= 3 && !token.startsWith('abd') && !ARTICLES.has(token)) {
      if (ARTICLES.has(next) && after !== undefined && BARE_DIN.has(after)) {
        out.push(token + next + after);
        i += 2;
        continue;
      }
      if (ALLAH.has(next) || GLUED_DIN.test(next)) {
        out.push(token + next);
        i++;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

/**
 * A joined "X-uddin": X of three letters or more, the article's vowel, then "ddin" (Nureddin,
 * Ezzeddine), "ldin" (Nizamaldin) or, after U or I, "din" (Nizamudin, Muhyidin). Not a single D
 * before -ine, nor -ldine: Claudine and Geraldine are other names.
 */
const JOINED_DIN = /^([a-z]{3,}?)(?:[aeiou]dd(?:in|een|ine)|[aeiou]ld(?:in|een)|[ui]d(?:in|een))$/;
/** A joined "X-ullah" (Nasrallah, Obaidullah, Shamsollah, Rahmatulla). */
const JOINED_ALLAH = /^([a-z]{3,}?)(?:[aeiou]ll?ah|ulla|allh)$/;

/**
 * The first parts of two "X-uddin" or two "X-ullah" tokens, or undefined when they are not both
 * compounds of one kind: Jalaluddin and Kamaluddin are as alike as Jalal and Kamal, not two long
 * words one letter apart, and Nureddin, Nuruddin and Nuraldin are one name.
 * @example compoundStems('jalaluddin', 'kamaleddin') // ['jalal', 'kamal']
 */
export function compoundStems(x: string, y: string): readonly [string, string] | undefined {
  if (x.length < 7 || y.length < 7 || x.startsWith('abd') || y.startsWith('abd')) return undefined;
  // Most pairs of words are neither: a look at the endings before the patterns.
  const joined = dinEnd(x) && dinEnd(y) ? JOINED_DIN : allahEnd(x) && allahEnd(y) ? JOINED_ALLAH : undefined;
  const mx = joined?.exec(x);
  const my = mx ? joined!.exec(y) : undefined;
  return mx && my ? [mx[1]!, my[1]!] : undefined;
}

const dinEnd = (w: string) => w.endsWith('din') || w.endsWith('deen') || w.endsWith('dine');
const allahEnd = (w: string) => w.endsWith('llah') || w.endsWith('ulla') || w.endsWith('llh');
