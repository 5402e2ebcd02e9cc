import { describe, expect, it } from 'vitest';
import { TextInterner } from './text-interner.js';

describe('TextInterner', () => {
  it('gives one id per distinct text, whether looked up from a span or a string', () => {
    const t = new TextInterner();
    const line = 'x,Nube Datos SA de CV,y,Nube Datos SA de CV';
    const a = t.idOfSpan(line, 2, 21);
    expect(t.idOf('Nube Datos SA de CV')).toBe(a);
    expect(t.idOfSpan(line, 24, line.length)).toBe(a);
    expect(t.text[a]).toBe('Nube Datos SA de CV');
    expect(t.idOfSpan(line, 3, 3)).toBe(0);
    expect(t.idOf('')).toBe(0);
  });

  it('keeps ids stable as it grows, and rebuilds the same ids from its strings', () => {
    const t = new TextInterner();
    const ids = Array.from({ length: 5000 }, (_, k) => t.idOf(`party ${k}`));
    expect(ids).toEqual(Array.from({ length: 5000 }, (_, k) => k + 1));
    for (let k = 0; k < 5000; k += 97)
      expect(t.idOfSpan(`xx party ${k}`, 3, 9 + String(k).length)).toBe(k + 1);
    const copy = TextInterner.of(t.text);
    expect(copy.text).toEqual(t.text);
    expect(copy.idOf('party 4321')).toBe(4322);
    expect(t.size).toBe(5001);
  });
});
