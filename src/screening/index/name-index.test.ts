import { describe, expect, it } from 'vitest';
import type { IndexableName } from './name-index.js';
import { NameIndexBuilder } from './name-index-builder.js';

/** A deliberately naive tokenizer: the index must not depend on the matcher's normaliser to work. */
function name(text: string): IndexableName {
  const keyTokens = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return { keyTokens, phonetic: keyTokens.map((t) => `P${t.replace(/[aeiou]/g, '').slice(0, 4)}`) };
}

const entities = [
  ['GUZMAN LOERA, Joaquin', 'EL CHAPO'],
  ['ZAMBADA GARCIA, Ismael', 'EL MAYO'],
  ['CARIBBEAN TRADING LIMITED'],
  ['PACIFIC TRADING LIMITED'],
  ['ABDULHAI SALEK'],
  ['MOHAMMED ALI HASSAN'],
  ['NORTHERN STAR SHIPPING'],
];

function buildIndex() {
  const builder = new NameIndexBuilder();
  entities.forEach((aliases, entity) => {
    for (const alias of aliases) builder.addAlias(entity, name(alias));
  });
  builder.addIdentifier(6, 'IMO 9123456');
  builder.addIdentifier(0, 'GULJ570404HSLZRQ01');
  // Many holders of "mohammed" and "trading", so those tokens become common.
  for (let i = 0; i < 800; i++)
    builder.addAlias(entities.length + i, name(i % 2 ? 'MOHAMMED TRADING' : 'TRADING MOHAMMED'));
  return builder.build();
}

const index = buildIndex();
const topEntity = (text: string, ids: string[] = []) => {
  const found = index.candidates(name(text), ids);
  return found.aliases.length ? index.entityOf(found.aliases[0]!) : undefined;
};

describe('name index candidate generation', () => {
  it('finds reordered names and names with missing parts', () => {
    expect(topEntity('Joaquin Guzman')).toBe(0);
    expect(topEntity('Ismael Zambada')).toBe(1);
    expect(topEntity('Loera Guzman Joaquin')).toBe(0);
  });

  it('finds a name with a typo in one token', () => {
    expect(topEntity('Joaquin Guzmna')).toBe(0);
    expect(topEntity('Ismail Zambadda')).toBe(1);
  });

  it('finds joined and split words', () => {
    expect(topEntity('Abdul Hai Salek')).toBe(4);
    expect(topEntity('Northernstar Shipping')).toBe(6);
  });

  it('finds a name written with initials through its full tokens', () => {
    expect(topEntity('J. Guzman Loera')).toBe(0);
  });

  it('ranks the distinctive word above the common ones', () => {
    expect(topEntity('Caribbean Trading Ltd')).toBe(2);
    expect(topEntity('Pacific Trading')).toBe(3);
  });

  it('does not open every alias holding a very common token', () => {
    const found = index.candidates(name('Mohammed Hassan'));
    expect(found.aliases.length).toBeLessThanOrEqual(100);
    expect(index.entityOf(found.aliases[0]!)).toBe(5);
  });

  it('still finds candidates when every query token is common', () => {
    const found = index.candidates(name('Mohammed Trading'), [], { limit: 10 });
    expect(found.aliases.length).toBe(10);
  });

  it('looks identifiers up exactly after normalisation', () => {
    expect(index.candidates(name('Some Vessel'), ['9123456']).identifierEntities).toEqual([6]);
    expect(index.candidates(name('imo9123456')).identifierEntities).toEqual([6]);
    expect(index.candidates(name('x'), ['gulj-570404-hslzrq01']).identifierEntities).toEqual([0]);
    expect(index.candidates(name('x'), ['9123457']).identifierEntities).toEqual([]);
  });

  it('maps entities to their aliases', () => {
    expect(index.aliasesOf(0)).toEqual({ first: 0, end: 2 });
    expect(index.entityOf(1)).toBe(0);
    expect(index.entityCount).toBe(entities.length + 800);
  });
});

describe('name index evidence weighting', () => {
  const builder = new NameIndexBuilder();
  const aliases = [
    'KHALED RASHEED',
    'OKONKWO ADEBAYO',
    'OKONKWO ZEBEDEE QUARTERMAINE VILLANUEVA HOLLOWAY',
    'ADEBAYO',
  ];
  aliases.forEach((alias, entity) => {
    builder.addAlias(entity, name(alias));
  });
  const small = builder.build();
  const found = (text: string) => [...small.candidates(name(text)).aliases].map((a) => small.entityOf(a));

  it('finds tokens more than one edit apart through their phonetic keys', () => {
    expect(found('Khalid Rashid')).toContain(0);
  });

  it('drops a long alias that shares only one of its many words with the query', () => {
    const hits = found('Okonkwo Adebayo');
    expect(hits[0]).toBe(1);
    expect(hits).not.toContain(2);
  });
});

describe('name index: evidence that does not depend on the order keys are read', () => {
  const builder = new NameIndexBuilder();
  const aliases = [
    'SADDAM KAMEL',
    'HUSSEIN ABBAS',
    'HUSSEIN OMARI',
    'OMAR TIKRITI',
    'ALI TIKRITI',
    // Listed last of the three, so an evidence tie would rank it last.
    'HASSAN TIKRITI',
    'OMAR ELSHEIKH',
    'KHALID SHEIKH',
  ];
  aliases.forEach((alias, entity) => {
    builder.addAlias(entity, name(alias));
  });
  // Many holders of "hassan", so its sound (shared with "hussein") only boosts.
  for (let i = 0; i < 800; i++) builder.addAlias(aliases.length + i, name(`HASSAN WORKER${i}`));
  const index = builder.build();
  const found = (text: string, options = {}) =>
    [...index.candidates(name(text), [], options).aliases].map((a) => index.entityOf(a));

  it('lets a common sound add to an alias that a later, rarer word of the query opened', () => {
    // "saddam" is read first and opens candidates, so the common sound of "hussein" cannot open
    // any; "tikriti" opens HASSAN TIKRITI only after that. The sound must still count for it.
    const hits = found('Saddam Hussein Tikriti', { relativeFloor: 0, coverageFloor: 0, diceFloor: 0 });
    expect(hits).toContain(5);
    expect(hits.indexOf(5)).toBeLessThan(hits.indexOf(3));
    expect(hits.indexOf(5)).toBeLessThan(hits.indexOf(4));
  });

  it('finds a particle written joined on one side and dropped on the other', () => {
    expect(found('Sheikh')).toContain(6);
    expect(found('Elsheikh')).toContain(7);
  });
});

describe('name index: shortened forms', () => {
  const builder = new NameIndexBuilder();
  // MARIA NOWAK first: on a tie of evidence it would rank first.
  const aliases = ['MARIA NOWAK', 'BARTHOLOMEW NOWAK', 'ALEX KOWALCZYK'];
  aliases.forEach((alias, entity) => {
    builder.addAlias(entity, name(alias));
  });
  const index = builder.build();
  const found = (text: string) => [...index.candidates(name(text)).aliases].map((a) => index.entityOf(a));

  it('finds a list word the query shortens, and one that shortens a query word', () => {
    expect(found('Bart Nowak')[0]).toBe(1);
    expect(found('Alexander')).toContain(2);
    expect(found('Bart')).toContain(1);
  });
});

describe('a list name screened as written', () => {
  it('finds the alias holding exactly that name even when rarer neighbours of its words fill the limit', () => {
    const builder = new NameIndexBuilder();
    // "omar" is common; "omari", "omara" (one letter away) are rarer, so their aliases gain more
    // evidence from the typo keys of a query "omar" than the aliases holding "omar" itself.
    let entity = 0;
    for (let i = 0; i < 600; i++) builder.addAlias(entity++, name(`OMAR FAMILY${i}`));
    for (let i = 0; i < 40; i++) builder.addAlias(entity++, name(i % 2 ? `OMARI X${i}` : `OMARA Y${i}`));
    const alone = entity++;
    builder.addAlias(alone, name('OMAR'));
    const index = builder.build();
    const found = index.candidates(name('OMAR'), [], { limit: 10 });
    expect([...found.aliases].map((a) => index.entityOf(a))).toContain(alone);
    // A name no alias holds as a whole adds nothing beyond the evidence ranking.
    const other = index.candidates(name('OMAR ZZZ'), [], { limit: 10 });
    expect(other.aliases.length).toBeLessThanOrEqual(10);
  });
});

describe('when the limit cuts candidates of a common word', () => {
  it('still offers the cut alias closest to the query in weight (one word, one letter away)', () => {
    const builder = new NameIndexBuilder();
    // 300 aliases hold "mohamad" and 200 "mohammad", each beside another word; one alias is
    // "mohammad" alone; 5,000 others make those words common but not the most common.
    let entity = 0;
    for (let i = 0; i < 300; i++) builder.addAlias(entity++, name(`MOHAMAD RAREWORD${i % 20}`));
    for (let i = 0; i < 200; i++) builder.addAlias(entity++, name(`MOHAMMAD OTHERWORD${i % 20}`));
    for (let i = 0; i < 5000; i++) builder.addAlias(entity++, name(`FILLER${i % 500} STUFF${i % 300}`));
    const alone = entity++;
    builder.addAlias(alone, name('MOHAMMAD'));
    const index = builder.build();
    // The exact holders of MOHAMAD fill the limit; the lone MOHAMMAD comes after them.
    const found = [...index.candidates(name('MOHAMAD'), [], { limit: 10 }).aliases];
    expect(found.slice(0, 10).map((a) => index.entityOf(a))).not.toContain(alone);
    expect(found.map((a) => index.entityOf(a))).toContain(alone);
    expect(found.length).toBeLessThanOrEqual(13);
  });
});

describe('a short code with a letter dropped or added', () => {
  const builder = new NameIndexBuilder();
  // 600 aircraft EP-xxx make "ep" common: it opens nothing on its own.
  let entity = 0;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < 600; i++)
    builder.addAlias(
      entity++,
      name(`EP-${letters[i % 26]}${letters[(i * 7) % 26]}${letters[(i * 11) % 26]}X`),
    );
  const ibd = entity++;
  builder.addAlias(ibd, name('EP-IBD'));
  const star = entity++;
  builder.addAlias(star, name('HS STAR'));
  for (let i = 0; i < 600; i++) builder.addAlias(entity++, name(`STAR GROUP${i}`));
  const index = builder.build();
  const entities = (text: string) =>
    [...index.candidates(name(text), [], { limit: 10 }).aliases].map((a) => index.entityOf(a));

  it('finds the listed code through its words joined (EP-BD ~ EP-IBD, H STAR ~ HS STAR, EP-IBDD)', () => {
    expect(entities('EP-BD')).toContain(ibd);
    expect(entities('EP-IBDD')).toContain(ibd);
    expect(entities('H STAR')).toContain(star);
  });

  it('not through a replaced letter: that is another code', () => {
    expect(entities('EP-IBK')).not.toContain(ibd);
  });
});

/**
 * The entities (0, 1, …, one alias each) a query reaches in an index of `aliases` and `fillers`
 * other names of two rare words each, so the words of `aliases` weigh as rare words do.
 */
function entitiesAmong(aliases: string[], fillers = 200): (text: string) => number[] {
  const builder = new NameIndexBuilder();
  for (const [entity, alias] of aliases.entries()) builder.addAlias(entity, name(alias));
  for (let i = 0; i < fillers; i++) builder.addAlias(aliases.length + i, name(`FILLER${i} WORD${i}`));
  const index = builder.build();
  return (text) => [...index.candidates(name(text)).aliases].map((alias) => index.entityOf(alias));
}

describe('a list word two query words reach', () => {
  // "zamorra" is a typo of "zamora": both query words reach the one list word ZAMORA.
  const entities = entitiesAmong(['ZAMORA', 'ZAMORA QUINTERO BELTRAN FUENTES VILLALOBOS']);

  it('counts for one of them only: a long alias holding it once is not made close by it', () => {
    expect(entities('Zamora Zamorra')).toEqual([0]);
  });

  it('still finds the long alias through its other words', () => {
    expect(entities('Zamora Quintero Beltran')).toContain(1);
  });

  it('takes a query of more keys than its table of words holds (compared pair by pair)', () => {
    // Every FILLER word is a list word: 600 keys before ZAMORA's two.
    const many = entitiesAmong(['ZAMORA', 'ZAMORA QUINTERO BELTRAN FUENTES VILLALOBOS'], 600);
    const filler = Array.from({ length: 600 }, (_, i) => `filler${i}`).join(' ');
    expect(many(`${filler} Zamora Zamorra`)).not.toContain(1);
  });
});

describe('two query words of one sound', () => {
  // KATA, KOTE, KUTU, KITI and KITO share the sound Pkt (the naive tokenizer's key) and no letters.
  const entities = entitiesAmong(['KUTU KITI', 'KITO BRAVADO SOLIMAN QUIROGA HERNANDEZ']);

  it('find an alias holding two words of the sound, not a long one holding one', () => {
    expect(entities('Kata Kote')).toEqual([0]);
  });

  it('one word of the sound finds the aliases holding it, as before', () => {
    expect(entities('Kata')).toContain(0);
    expect(entities('Kata Bravado Soliman')).toContain(1);
  });
});
