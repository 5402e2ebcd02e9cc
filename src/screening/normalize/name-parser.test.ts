import { describe, expect, it } from 'vitest';
import { NAME_ROLE } from './name-roles.js';
import { parseName } from './name-parser.js';

describe('parseName', () => {
  it('reorders "FAMILY, Given" list entries', () => {
    expect(parseName('ZAMBADA GARCIA, Ismael', 'person').keyTokens).toEqual(['ismael', 'zambada', 'garcia']);
  });
  it('compares the names after a.k.a. or ex as aliases', () => {
    const p = parseName('ORION ex POLARIS', 'organization');
    expect(p.keyTokens).toEqual(['orion']);
    expect(p.aliases).toEqual(['POLARIS']);
    expect(p.nicknames).toEqual([]);
  });
  it('drops an IMO or MMSI number written into a vessel name', () => {
    expect(parseName('ORION STAR IMO 9123456', 'organization').keyTokens).toEqual(['orion', 'star']);
    // Not an identifier when the digits do not have its length.
    expect(parseName('ORION IMO 12', 'organization').keyTokens).toEqual(['orion', 'imo', '12']);
  });
  it('joins an Abdul written with two letters swapped to the name after it', () => {
    expect(parseName('Adbul Bari Noori', 'person').keyTokens).toEqual(
      parseName('Abdul Bari Noori', 'person').keyTokens,
    );
    expect(parseName('Badur Rehman', 'person').keyTokens).toEqual(['abdrehman']);
  });
  it('drops titles at the start of a person name', () => {
    const p = parseName('Lic. Dr. Ernesto Fonseca', 'person');
    expect(p.keyTokens).toEqual(['ernesto', 'fonseca']);
    expect(p.titles).toEqual(['lic', 'dr']);
  });
  it('drops Spanish particles inside names but keeps them at the edges', () => {
    expect(parseName('Maria de la Luz Torres y Gomez', 'person').keyTokens).toEqual([
      'maria',
      'luz',
      'torres',
      'gomez',
    ]);
    expect(parseName('Do Van Minh', 'person').keyTokens[0]).toBe('do');
  });
  it('recognises Mexican and other legal forms, dotted or not', () => {
    for (const name of [
      'Transportes Nieves S.A. de C.V.',
      'TRANSPORTES NIEVES SA DE CV',
      'Transportes Nieves, S. de R.L. de C.V.',
    ]) {
      const p = parseName(name, 'organization');
      expect(p.keyTokens).toEqual(['transportes', 'nieves']);
      expect(p.legalForms).toHaveLength(1);
    }
    expect(parseName('OOO Stroiinvest', 'organization').legalForms[0]?.canonical).toBe('OOO');
    expect(parseName('Gulf Star FZE', 'organization').keyTokens).toEqual(['gulf', 'star']);
    expect(parseName('Inversiones Andinas S.A.P.I. de C.V.', 'organization').legalForms[0]?.canonical).toBe(
      'SAPI de CV',
    );
  });
  it('keeps an ambiguous short form inside a name', () => {
    expect(parseName('Co Mining Holdings Ltd', 'organization').keyTokens).toEqual(['mining', 'holdings']);
    expect(parseName('Banco SA Nacional Ltd', 'organization').keyTokens).toContain('sa');
  });
  it('takes quoted nicknames out as names of their own', () => {
    const p = parseName("Rafael CARO QUINTERO 'El Narco de Narcos'", 'person');
    expect(p.nicknames).toEqual(['El Narco de Narcos']);
    expect(p.keyTokens).toEqual(['rafael', 'caro', 'quintero']);
  });
  it('joins Arabic Abd names however they are split', () => {
    for (const name of [
      'Abdul Rahman Saleh',
      'Abdulrahman Saleh',
      'Abd al-Rahman Saleh',
      'Abdur Rahman Saleh',
    ]) {
      expect(parseName(name, 'person').keyTokens).toEqual(['abdrahman', 'saleh']);
    }
  });
  it('marks own and father names around bin/ibn', () => {
    const p = parseName('Khalid bin Yusuf al-Tamimi', 'person');
    expect(p.keyTokens).toEqual(['khalid', 'yusuf', 'tamimi']);
    expect(p.roles).toEqual([NAME_ROLE.given, NAME_ROLE.patronymic, NAME_ROLE.unknown]);
  });
  it('splits hyphenated names and removes apostrophes and possessives', () => {
    expect(parseName("Jean-Pierre O'Brien", 'person').keyTokens).toEqual(['jean', 'pierre', 'obrien']);
    expect(parseName("Gomez's Trading", 'organization').keyTokens).toEqual(['gomez', 'trading']);
  });
  it('turns number words into digits in organisation names', () => {
    expect(parseName('Brigade Forty Four', 'organization').keyTokens).toEqual(['brigade', '44']);
  });
});
