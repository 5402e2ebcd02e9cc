/**
 * OFAC birth dates ("01 Oct 1981", "Apr 1970", "circa 1960", "1957 to 1959") turned into the ISO
 * prefixes entities carry; a range becomes every year in it, since lists rarely know better.
 */

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** Ranges wider than this are not expanded year by year (they say little about the person). */
const MAX_RANGE_YEARS = 15;

/**
 * ISO date prefixes for one OFAC DOB fact, or `undefined` when the text is not a date.
 *
 * @example
 * ofacBirthDates('01 Oct 1981') // ['1981-10-01']
 * ofacBirthDates('1957 to 1959') // ['1957', '1958', '1959']
 */
export function ofacBirthDates(text: string): string[] | undefined {
  const t = text.trim().replace(/\.$/, '');
  const circa = /^(?:circa|approximately|approx\.?)\s+(.+)$/i.exec(t);
  if (circa) return ofacBirthDates(circa[1]!);
  const range = /^(.+?)\s*(?:\bto\b|-)\s*(.+)$/i.exec(t);
  if (range && !/^\d{4}-\d{2}(-\d{2})?$/.test(t)) {
    const from = ofacSingleDate(range[1]!);
    const to = ofacSingleDate(range[2]!);
    if (!from || !to) return undefined;
    if (from === to) return [from];
    // Same year and month: the month is known; same year: the year is known.
    if (from.slice(0, 7) === to.slice(0, 7) && from.length >= 7) return [from.slice(0, 7)];
    const y1 = Number(from.slice(0, 4));
    const y2 = Number(to.slice(0, 4));
    if (y2 < y1) return undefined;
    if (y2 - y1 > MAX_RANGE_YEARS) return [String(y1), String(y2)];
    const years: string[] = [];
    for (let y = y1; y <= y2; y++) years.push(String(y));
    return years;
  }
  const single = ofacSingleDate(t);
  return single ? [single] : undefined;
}

/** "01 Oct 1981" → "1981-10-01"; "Oct 1981" → "1981-10"; "1981" → "1981"; ISO passes through. */
export function ofacSingleDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const day = Number(m[1]);
    if (!month || day < 1 || day > 31) return undefined;
    return `${m[3]}-${month}-${String(day).padStart(2, '0')}`;
  }
  m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? `${m[2]}-${month}` : undefined;
  }
  if (/^\d{4}$/.test(t)) return t;
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(t)) return t;
  return undefined;
}
