import { describe, expect, it } from 'vitest';
import { casCheckDigit, readCas } from './cas-number.js';
import { readHs } from './hs-code.js';
import { LITRES_PER_US_GALLON, toQuantity } from './quantity-units.js';
import { readDescription } from './description-text.js';
import { shippedCatalog } from './test-catalog.js';

describe('CAS numbers', () => {
  it('reads dashed and dash-less numbers and validates the check digit', () => {
    expect(readCas('108-24-7')).toMatchObject({ kind: 'number', cas: '108-24-7', checkDigitValid: true });
    expect(readCas('108247')).toMatchObject({ kind: 'number', cas: '108-24-7', checkDigitValid: true });
    expect(readCas('CAS No. 7647 01 0')).toMatchObject({ cas: '7647-01-0', checkDigitValid: true });
    expect(readCas('108-24-8')).toMatchObject({
      checkDigitValid: false,
      expectedCheckDigit: 7,
      body: '108-24',
    });
    expect(readCas('125541222')).toMatchObject({ cas: '125541-22-2', checkDigitValid: true });
  });
  it('computes check digits as the registry does', () => {
    expect(casCheckDigit('773218')).toBe(5); // water 7732-18-5
    expect(casCheckDigit('6764')).toBe(1); // acetone 67-64-1
  });
  it('rejects what is not a CAS number and treats blank as absent', () => {
    expect(readCas('')).toEqual({ kind: 'absent' });
    expect(readCas('10B-24-7').kind).toBe('malformed');
    expect(readCas('1-24-7').kind).toBe('malformed');
    expect(readCas('2915.24').kind).toBe('malformed');
  });
  it('every CAS number in the shipped catalog passes its check digit', () => {
    for (const c of shippedCatalog().chemicals)
      for (const cas of c.cas)
        expect(readCas(cas), `${c.name} ${cas}`).toMatchObject({ checkDigitValid: true });
  });
});

describe('HS codes', () => {
  it('normalises dotted and national codes to subheading, heading and chapter', () => {
    expect(readHs('2933.39.90')).toMatchObject({ subheading: '2933.39', heading: '2933', chapter: '29' });
    expect(readHs('2933399073')).toMatchObject({ subheading: '2933.39' });
    expect(readHs('')).toEqual({ kind: 'absent' });
    expect(readHs('29AB').kind).toBe('malformed');
    expect(readHs('2933').kind).toBe('malformed');
  });
});

describe('units', () => {
  it('converts mass, volume and counts', () => {
    expect(toQuantity(500, 'mg')).toEqual({ dimension: 'mass', value: 0.0005 });
    expect(toQuantity(2, 'g')?.value).toBeCloseTo(0.002);
    expect(toQuantity(3, 't')).toEqual({ dimension: 'mass', value: 3000 });
    expect(toQuantity(10, 'lb')?.value).toBeCloseTo(4.5359237);
    expect(toQuantity(250, 'ml')).toEqual({ dimension: 'volume', value: 0.25 });
    expect(toQuantity(1, 'L')).toEqual({ dimension: 'volume', value: 1 });
    expect(toQuantity(50, 'US gal')?.value).toBeCloseTo(50 * LITRES_PER_US_GALLON);
    expect(toQuantity(50, 'gal')?.dimension).toBe('volume');
    expect(toQuantity(8, 'pcs')).toEqual({ dimension: 'count', value: 8 });
    expect(toQuantity(1, 'bbl')).toBeUndefined();
  });
});

describe('descriptions', () => {
  it('sets grade, packaging, salt words and percentages aside', () => {
    expect(readDescription('Ephedrine HCl USP 99 % 25 kg drum')).toEqual({
      tokens: ['ephedrine'],
      saltWords: ['hcl'],
      percent: 99,
      mixtureWords: false,
    });
    expect(readDescription('Methylamine 40% solution in water')).toMatchObject({
      tokens: ['methylamine'],
      percent: 40,
      mixtureWords: true,
    });
  });
});
