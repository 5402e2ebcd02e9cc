import { describe, expect, it } from 'vitest';
import { ofacPrograms } from './ofac-entity.js';
import { ofacBirthDates } from './ofac-date.js';
import { ofacName } from './ofac-name.js';
import { parseOfacRemarks, splitRemarks } from './ofac-remarks.js';

describe('ofacBirthDates', () => {
  it.each([
    ['01 Oct 1981', ['1981-10-01']],
    ['Apr 1970', ['1970-04']],
    ['1957', ['1957']],
    ['circa 1960', ['1960']],
    ['1957 to 1959', ['1957', '1958', '1959']],
    ['01 Jan 1960 to 31 Dec 1961', ['1960', '1961']],
    ['01 Mar 1970 to 31 Mar 1970', ['1970-03']],
    ['circa 1960-1962', ['1960', '1961', '1962']],
  ])('reads %s', (text, expected) => {
    expect(ofacBirthDates(text)).toEqual(expected);
  });

  it('refuses what is not a date', () => {
    expect(ofacBirthDates('unknown')).toBeUndefined();
    expect(ofacBirthDates('45 Foo 1970')).toBeUndefined();
  });
});

describe('ofacName', () => {
  it('splits people into family and given names', () => {
    expect(ofacName('OSEGUERA CERVANTES, Nemesio', 'primary', true)).toEqual({
      full: 'OSEGUERA CERVANTES, Nemesio',
      kind: 'primary',
      family: 'OSEGUERA CERVANTES',
      given: 'Nemesio',
    });
  });

  it('keeps organisation names whole', () => {
    expect(ofacName('ANGLO-CARIBBEAN CO., LTD.', 'primary', false)).toEqual({
      full: 'ANGLO-CARIBBEAN CO., LTD.',
      kind: 'primary',
    });
  });
});

describe('ofacPrograms', () => {
  it('strips the bracket separators', () => {
    expect(ofacPrograms('SDNTK] [FTO] [SDGT] [ILLICIT-DRUGS-EO14059')).toEqual([
      'SDNTK',
      'FTO',
      'SDGT',
      'ILLICIT-DRUGS-EO14059',
    ]);
    expect(ofacPrograms('')).toEqual([]);
  });
});

describe('parseOfacRemarks', () => {
  it('reads the facts of a Mexican individual', () => {
    const facts = parseOfacRemarks(
      'DOB 29 Sep 1953; alt. DOB 1955; POB Santa Agueda, Baja California Sur, Mexico; nationality Mexico; ' +
        'citizen Mexico; Gender Male; R.F.C. AUAM-530929 (Mexico); C.U.R.P. AUAM530929HBSGML01 (Mexico); ' +
        "Passport 123456 (Mexico) expires 2020; a.k.a. 'EL MIGUE'; f.k.a. 'OLD NAME'; Linked To: SOME COMPANY, S.A. DE C.V.",
    );
    expect(facts.birthDates).toEqual(['1953-09-29', '1955']);
    expect(facts.birthPlaces).toEqual(['Santa Agueda, Baja California Sur, Mexico']);
    expect(facts.nationalities).toEqual(['Mexico']);
    expect(facts.gender).toBe('male');
    expect(facts.identifiers).toEqual([
      { type: 'rfc', value: 'AUAM-530929', country: 'Mexico', label: 'R.F.C.' },
      { type: 'curp', value: 'AUAM530929HBSGML01', country: 'Mexico', label: 'C.U.R.P.' },
      { type: 'passport', value: '123456', country: 'Mexico', label: 'Passport' },
    ]);
    expect(facts.aliases).toEqual([
      { full: 'EL MIGUE', kind: 'weak' },
      { full: 'OLD NAME', kind: 'former' },
    ]);
    expect(facts.links).toEqual([{ relation: 'linked-to', targetName: 'SOME COMPANY, S.A. DE C.V.' }]);
    expect(facts.attributes.identifierNotes).toEqual(['Passport 123456: expires 2020']);
  });

  it('reads vessel, company and contact identifiers', () => {
    const facts = parseOfacRemarks(
      'Vessel Registration Identification IMO 9187629; MMSI 572469210; SWIFT/BIC BNCUCUHH; ' +
        'Website www.example.com; Email Address info@example.com; Aircraft Tail Number EP-ABC; ' +
        'Cedula No. 12345 (Colombia); NIT # 800-1 (Colombia); Tax ID No. 7701 (Russia); National ID No. 99 (Peru).',
    );
    expect(facts.identifiers.map((i) => [i.type, i.value])).toEqual([
      ['imo', '9187629'],
      ['mmsi', '572469210'],
      ['swift-bic', 'BNCUCUHH'],
      ['website', 'www.example.com'],
      ['email', 'info@example.com'],
      ['tail-number', 'EP-ABC'],
      ['cedula', '12345'],
      ['tax-id', '800-1'],
      ['tax-id', '7701'],
      ['national-id', '99'],
    ]);
  });

  it('keeps named facts as attributes and everything else as remarks', () => {
    const facts = parseOfacRemarks(
      'Organization Type: Transnational Terrorist Group; Secondary sanctions risk: section 1(b) of Executive Order 13224; ' +
        'Target Type Criminal Organization; ICTY indictee.',
    );
    expect(facts.attributes).toEqual({
      organizationType: ['Transnational Terrorist Group'],
      secondarySanctionsRisk: ['section 1(b) of Executive Order 13224'],
      targetType: ['Criminal Organization'],
      remarks: ['ICTY indictee'],
    });
  });

  it('does not split inside a quoted alias and keeps a closing abbreviation', () => {
    expect(splitRemarks("a.k.a. 'A; B'; Linked To: FOO S.A.")).toEqual([
      "a.k.a. 'A; B'",
      'Linked To: FOO S.A.',
    ]);
  });
});
