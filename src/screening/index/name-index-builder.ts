/**
 * Builds the name index: aliases and identifiers go in entity by entity, and `build()` freezes
 * them into posting lists and per-alias weights once.
 */
import { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { identifierKey } from './identifier-key.js';
import { IntBuffer } from './int-buffer.js';
import { type IndexableName, NameIndex } from './name-index.js';
import {
  codeKeys,
  joinedCode,
  repeatedSoundKey,
  tokenRarity,
  variantKey,
  wholeNameKey,
} from './name-index-keys.js';
import { PostingListBuilder } from './posting-lists.js';

/** Adds aliases grouped by entity, entity ids ascending from 0, then builds the index once. */
export class NameIndexBuilder {
  private readonly tokens = new PostingListBuilder();
  private readonly phonetics = new PostingListBuilder();
  private readonly aliasEntity = new IntBuffer(1 << 16);
  private readonly entityFirstAlias = new IntBuffer(1 << 12);
  private readonly identifiers = new Map<string, number[]>();
  /** Each alias's token ids (CSR), to weigh the alias side of the evidence. */
  private readonly aliasTokenIds = new IntBuffer(1 << 16);
  private readonly aliasTokenStart = new IntBuffer(1 << 16);

  /** Adds one alias of `entity` (entity ids must not decrease) and returns its alias id. */
  addAlias(entity: number, name: IndexableName): number {
    const alias = this.aliasEntity.length;
    while (this.entityFirstAlias.length <= entity) this.entityFirstAlias.push(alias);
    this.aliasEntity.push(entity);
    this.aliasTokenStart.push(this.aliasTokenIds.length);
    name.keyTokens.forEach((token, i) => {
      const id = this.tokens.add(token, alias);
      if (id >= 0) this.aliasTokenIds.push(id);
      const code = name.phonetic[i];
      if (code) {
        // The second word of one sound in a form of the name has a key of its own (`repeatedSoundKey`).
        const part = name.parts?.[i] ?? 0;
        let occurrence = 1;
        for (let p = 0; p < i; p++)
          if (name.phonetic[p] === code && (name.parts?.[p] ?? 0) === part) occurrence++;
        this.phonetics.add(occurrence === 1 ? code : repeatedSoundKey(code, occurrence), alias);
      }
      const group = name.variantGroups?.[i];
      if (group) this.tokens.add(variantKey(group), alias);
    });
    // Not one of the alias's tokens: it weighs nothing in `aliasWeight`.
    if (name.keyTokens.length > 0) this.tokens.add(wholeNameKey(name.keyTokens), alias);
    const code = joinedCode(name.keyTokens);
    if (code !== undefined) for (const key of codeKeys(code)) this.tokens.add(key, alias);
    return alias;
  }

  /** Registers an identifier (passport, IMO, R.F.C.…) of `entity` for exact lookups. */
  addIdentifier(entity: number, value: string): void {
    const key = identifierKey(value);
    if (!key) return;
    const holders = this.identifiers.get(key);
    if (!holders) this.identifiers.set(key, [entity]);
    else if (!holders.includes(entity)) holders.push(entity);
  }

  build(): NameIndex {
    const vocabulary: string[] = [];
    for (const [token, id] of this.tokens.entries()) vocabulary[id] = token;
    const tokens = this.tokens.build();
    const entityCount = this.entityFirstAlias.length;
    this.entityFirstAlias.push(this.aliasEntity.length);
    // The alias's total token rarity: what a query must cover for the alias to be a good candidate.
    const aliasCount = this.aliasEntity.length;
    const aliasWeight = new Float32Array(aliasCount);
    this.aliasTokenStart.push(this.aliasTokenIds.length);
    for (let a = 0; a < aliasCount; a++) {
      let w = 0;
      for (let k = this.aliasTokenStart.at(a); k < this.aliasTokenStart.at(a + 1); k++) {
        w += tokenRarity(aliasCount, tokens.frequency(this.aliasTokenIds.at(k)));
      }
      aliasWeight[a] = w;
    }
    return new NameIndex(
      tokens,
      this.phonetics.build(),
      FuzzyVocabulary.build(tokens, vocabulary),
      vocabulary,
      this.aliasEntity.toArray(),
      this.entityFirstAlias.toArray(),
      entityCount,
      this.identifiers,
      aliasWeight,
    );
  }
}
