/**
 * Forms of one person's name across languages and romanisations that the rules of this session
 * join: Belarusian and Ukrainian against Russian (given names, surnames, patronymics), Wade–Giles
 * read aspirated, Arabic "X al-Din" and "X Allah" apart and joined, Polish IE. Made-up people.
 */
import { describe, expect, it } from 'vitest';
import {
  compoundStems,
  englishSpelling,
  joinArabicCompounds,
  nameVariantGroup,
  russianSpelling,
  wadeGilesReadings,
} from '../normalize/index.js';
import { DEFAULT_THRESHOLD, prepareName, scoreNames } from './index.js';
import { sameFatherByVariant } from './patronymic-variants.js';

const score = (a: string, b: string) => scoreNames(prepareName(a, 'Person'), prepareName(b, 'Person'));

describe('Belarusian and Ukrainian forms', () => {
  it('groups the given names with the Russian form', () => {
    for (const [a, b] of [
      ['ihar', 'igor'],
      ['ryhor', 'grigory'],
      ['siarhei', 'sergei'],
      ['uladzimir', 'vladimir'],
      ['volha', 'olga'],
      ['hennadii', 'gennady'],
    ]) {
      expect(nameVariantGroup.get(a!)).toBe(nameVariantGroup.get(b!));
    }
    expect(nameVariantGroup.get('olha')).not.toBe(nameVariantGroup.get('olena'));
  });

  it('reads Belarusian surname endings and H the Russian way, only in East Slavic surnames', () => {
    expect(russianSpelling('volkau')).toBe('volkov');
    expect(russianSpelling('hrachou')).toBe('grachov');
    expect(russianSpelling('kazlouskaya')).toBe('kazlovskaya');
    expect(russianSpelling('hrytsenko')).toBe('grytsenko');
    expect(russianSpelling('shevchenko')).toBe('shevchenko');
    expect(russianSpelling('hill')).toBe('hill');
  });

  it('compares patronymics by their fathers names', () => {
    expect(sameFatherByVariant('ryhoravich', 'grigoryevich')).toBe(true);
    expect(sameFatherByVariant('mykolaiovych', 'nikolayevich')).toBe(true);
    expect(sameFatherByVariant('ivanovich', 'petrovich')).toBe(false);
    expect(sameFatherByVariant('ivanovich', 'ivanovna')).toBe(false);
  });

  it('scores the two forms of one person as a match and other people not', () => {
    expect(score('Ihar Hrachou', 'Igor Grachov')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Aliaksandr Ryhoravich Zhukau', 'Aleksandr Grigoryevich Zhukov')).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLD,
    );
    expect(score('Ihar Barysau', 'Oleg Borisov')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('Siarhei Ivanavich Volkau', 'Sergei Petrovich Volkov')).toBeLessThan(DEFAULT_THRESHOLD);
  });
});

describe('Wade–Giles without apostrophes', () => {
  it('reads ch before i both as j and as q, ko as ge or ke', () => {
    expect(wadeGilesReadings(['chin', 'ko', 'ping'])).toEqual([
      ['jin', 'ge', 'ping'],
      ['qin', 'ke', 'ping'],
    ]);
    expect(wadeGilesReadings(['chen', 'wei'])).toEqual([]);
  });
});

describe('Arabic compound names', () => {
  it('joins X al-Din and X Allah written apart', () => {
    expect(joinArabicCompounds(['zayn', 'al', 'din', 'barakzai'])).toEqual(['zaynaldin', 'barakzai']);
    expect(joinArabicCompounds(['ubayd', 'allah'])).toEqual(['ubaydallah']);
    expect(joinArabicCompounds(['nguyen', 'van', 'din'])).toEqual(['nguyen', 'van', 'din']);
  });

  it('compares two compounds of one kind by their first parts', () => {
    expect(compoundStems('qamaruddin', 'jamaleddin')).toEqual(['qamar', 'jamal']);
    expect(compoundStems('zabihullah', 'habiballah')).toEqual(['zabih', 'habib']);
    expect(compoundStems('qamaruddin', 'zabihullah')).toBeUndefined();
    expect(compoundStems('claudine', 'geraldine')).toBeUndefined();
  });
});

describe('other scripts', () => {
  it('reads an Arabic word without its joined article against a Latin one without it', () => {
    expect(score('يوسف الحداد', 'Youssef Haddad')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('يوسف الحداد', 'Yousef al-Hamdan')).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('keeps a Persian word whole across its zero-width non-joiner', () => {
    expect(prepareName('علی محمدی\u200cنژاد', 'Person').keyTokens).toHaveLength(2);
  });

  it('romanises traditional Han characters', () => {
    expect(score('陳志明', 'Chen Zhiming')).toBe(1);
  });
});

describe('Polish romanisation of Russian', () => {
  it('writes the E after a consonant as IE', () => {
    expect(englishSpelling('miedwiediew')).toBe('medvedev');
    expect(englishSpelling('siergiej')).toBe('sergey');
  });
});
