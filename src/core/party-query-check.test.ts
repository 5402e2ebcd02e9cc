/**
 * The zod-free query check accepts exactly what PartyQuerySchema accepts and returns the same
 * object, over hand-picked edge cases and seeded random combinations of good and bad values.
 */
import { describe, expect, it } from 'vitest';
import { entitySchemas } from './entity.js';
import { checkPartyQuery } from './party-query-check.js';
import { PartyQuerySchema } from './party-query.js';
import { seededRandom } from './seeded-random.js';

const values: Record<string, unknown[]> = {
  id: ['cli', 'c-1', '', ' ', 7, null, undefined],
  name: ['Joaquin Guzman', '  Ana María  ', '', '   ', '\t\n', 'x', 12, null, undefined, '金正恩'],
  schema: [...entitySchemas, 'Thing', 'person', 'Ship', '', 3, null, undefined],
  birthDate: ['1957', '1957-04', '1957-04-04', '57', '1957-4', '1957-04-04x', ' 1957', '', 1957, undefined],
  country: ['Mexico', '', 'MX', 1, null, undefined],
  nationality: ['Mexican', '', false, undefined],
  gender: ['male', 'female', 'Male', 'x', '', null, undefined],
  idNumber: ['GULJ570404HSLZRR01', '', 123, undefined],
};
const keys = Object.keys(values);

function expectAgreement(input: Record<string, unknown>): void {
  const fromSchema = PartyQuerySchema.safeParse(input);
  const checked = checkPartyQuery(input);
  if (!fromSchema.success) {
    expect(checked, JSON.stringify(input)).toBeUndefined();
    return;
  }
  expect(checked, JSON.stringify(input)).toStrictEqual(fromSchema.data);
  expect(Object.keys(checked!)).toEqual(Object.keys(fromSchema.data));
}

describe('checkPartyQuery', () => {
  it('knows the same schemas as the entity model', () => {
    for (const schema of [...entitySchemas, 'Thing'])
      expect(checkPartyQuery({ id: 'a', name: 'b', schema })).toBeDefined();
  });

  it('agrees with PartyQuerySchema on each value of each field', () => {
    for (const key of keys)
      for (const value of values[key]!) {
        expectAgreement({ id: 'q', name: 'Ana', [key]: value });
        // Absent and present-but-undefined are different inputs to the schema.
        const without: Record<string, unknown> = { id: 'q', name: 'Ana' };
        delete without[key];
        expectAgreement(without);
      }
  });

  it('agrees with PartyQuerySchema on random combinations, unknown keys included', () => {
    const random = seededRandom(14);
    for (let n = 0; n < 3000; n++) {
      const input: Record<string, unknown> = {};
      for (const key of keys) {
        if (random() < 0.3) continue;
        const choices = values[key]!;
        input[key] = choices[Math.floor(random() * choices.length)];
      }
      if (random() < 0.2) input.extra = 'ignored';
      expectAgreement(input);
    }
  });
});
