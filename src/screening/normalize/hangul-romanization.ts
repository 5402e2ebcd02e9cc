/**
 * Algorithmic romanisation of Korean Hangul syllables. Uses the Revised Romanization letters but
 * writes eo/eu as o/u, as the McCune–Reischauer spellings on sanctions lists do ("Kim Jong Un"),
 * and gives common surnames their customary spelling (김 → kim, 이 → lee, 박 → park).
 */

const initials = [
  'g',
  'kk',
  'n',
  'd',
  'tt',
  'r',
  'm',
  'b',
  'pp',
  's',
  'ss',
  '',
  'j',
  'jj',
  'ch',
  'k',
  't',
  'p',
  'h',
];
const vowels = [
  'a',
  'ae',
  'ya',
  'yae',
  'o',
  'e',
  'yo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'u',
  'ui',
  'i',
];
const finals = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'l',
  'l',
  'l',
  'l',
  'l',
  'l',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];

/** Customary spellings of the commonest Korean surnames (general knowledge). */
const surnames: Record<string, string> = {
  김: 'kim',
  이: 'lee',
  박: 'park',
  최: 'choi',
  정: 'jung',
  강: 'kang',
  조: 'cho',
  윤: 'yoon',
  장: 'jang',
  임: 'lim',
  한: 'han',
  오: 'oh',
  서: 'seo',
  신: 'shin',
  권: 'kwon',
  황: 'hwang',
  안: 'ahn',
  송: 'song',
  류: 'ryu',
  전: 'jeon',
  홍: 'hong',
  고: 'ko',
  문: 'moon',
  양: 'yang',
  손: 'son',
  배: 'bae',
  백: 'baek',
  허: 'heo',
  유: 'yoo',
  남: 'nam',
  심: 'shim',
  노: 'noh',
  하: 'ha',
  곽: 'kwak',
  성: 'sung',
  차: 'cha',
  주: 'joo',
  우: 'woo',
  구: 'koo',
  민: 'min',
  진: 'jin',
  나: 'na',
  지: 'ji',
  엄: 'eom',
  채: 'chae',
  원: 'won',
  천: 'cheon',
  방: 'bang',
  공: 'kong',
  현: 'hyun',
  함: 'ham',
  변: 'byun',
  염: 'yeom',
  여: 'yeo',
  추: 'choo',
  도: 'do',
  리: 'ri',
  로: 'ro',
};

const FIRST = 0xac00;
const LAST = 0xd7a3;

export function isHangulSyllable(code: number): boolean {
  return code >= FIRST && code <= LAST;
}

/** Romanises one syllable. */
export function romanizeHangulSyllable(char: string): string {
  const offset = char.codePointAt(0)! - FIRST;
  const l = Math.floor(offset / 588);
  const v = Math.floor((offset % 588) / 28);
  const t = offset % 28;
  return (initials[l] ?? '') + (vowels[v] ?? '') + (finals[t] ?? '');
}

/**
 * Romanises a run of Hangul syllables as a Korean personal name when it has the usual shape
 * (2–4 syllables: surname, then given-name syllables as separate tokens), else as one word.
 * @example romanizeHangulName('김정은') // 'kim jong un'
 */
export function romanizeHangulName(run: string): string {
  const chars = Array.from(run);
  if (chars.length >= 2 && chars.length <= 4) {
    const [first, ...rest] = chars;
    const surname = surnames[first!] ?? romanizeHangulSyllable(first!);
    return [surname, ...rest.map(romanizeHangulSyllable)].join(' ');
  }
  return chars.map(romanizeHangulSyllable).join('');
}
