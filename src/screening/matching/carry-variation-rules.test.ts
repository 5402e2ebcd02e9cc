/**
 * Variation rules of the "quality that carries" work (issue 14, part 4), each checked against what
 * it must leave apart: Hebrew vav and guttural readings.
 */
import { describe, expect, it } from 'vitest';
import { romanize } from '../normalize/index.js';
import { DEFAULT_THRESHOLD, prepareName, scoreNames } from './index.js';

const score = (a: string, b: string, schema = 'Person') =>
  scoreNames(prepareName(a, schema), prepareName(b, schema));

describe('Hebrew vav as a vowel or a consonant', () => {
  it('reads a vav inside a word as w and a doubled vav as v', () => {
    expect(romanize('יוסף').text).toBe('ywsf');
    expect(romanize('חווה').text).toBe('khvh');
    expect(romanize('ורד').text).toBe('vrd');
  });
  it('finds Hebrew names whose vav is a vowel and those whose vav is a consonant', () => {
    for (const [hebrew, latin] of [
      ['יוסף כהן', 'Yosef Cohen'],
      ['שלום אברהם', 'Shalom Avraham'],
      ['אהוד אולמרט', 'Ehud Olmert'],
      ['דוד לוי', 'David Levi'],
      ['מיכאל לוין', 'Michael Levin'],
      ['יצחק רבין', 'Yitzhak Rabin'],
      ['חיים כהן', 'Haim Cohen'],
      ['מנחם בגין', 'Menachem Begin'],
    ])
      expect(score(hebrew, latin), `${hebrew} ~ ${latin}`).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });
  it('still tells different Hebrew names apart', () => {
    expect(score('יוסף כהן', 'Yosef Katz')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('דוד לוי', 'Daniel Levi')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(score('שלום אברהם', 'Shimon Avraham')).toBeLessThan(DEFAULT_THRESHOLD);
  });
});
