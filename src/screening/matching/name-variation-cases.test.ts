/**
 * The labelled variation pairs of `name-variation-cases.ts` at the default threshold, without a
 * rarity table: every pair not marked open is classified right, the open ones are still wrong (so
 * the marks stay true), and each family of variation is represented on both sides where it has one.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, prepareName, scoreNames } from './index.js';
import { nameVariationCases } from './name-variation-cases.js';

const scored = nameVariationCases.map((c) => ({
  ...c,
  score: scoreNames(prepareName(c.name1, c.schema), prepareName(c.name2, c.schema)),
}));
const wrong = (c: (typeof scored)[number]) => c.score >= DEFAULT_THRESHOLD !== c.match;
const show = (c: (typeof scored)[number]) =>
  `${c.category}: ${c.name1} | ${c.name2} (${c.match ? 'match' : 'no match'}, ${c.score.toFixed(3)})`;

describe('name variation cases', () => {
  it('classifies every pair not marked open', () => {
    expect(scored.filter((c) => c.open === undefined && wrong(c)).map(show)).toEqual([]);
  });

  it('still gets the open pairs wrong (a fix removes the mark)', () => {
    expect(scored.filter((c) => c.open !== undefined && !wrong(c)).map(show)).toEqual([]);
    expect(scored.filter((c) => c.open !== undefined).length).toBeLessThan(scored.length / 20);
  });

  it('holds true and false pairs, persons, organisations and vessels', () => {
    expect(scored.length).toBeGreaterThan(250);
    expect(new Set(scored.map((c) => c.schema))).toEqual(new Set(['Person', 'Organization', 'Vessel']));
    expect(scored.filter((c) => !c.match).length).toBeGreaterThan(40);
  });
});
