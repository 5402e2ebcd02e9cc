/**
 * One hidden class for every prepared name the scorer reads. V8 gives an object the hidden class
 * of how it was built: `prepareName`'s object literal gives one; a copy made by spreading another
 * name (`{ ...name, alternative: 'nickname' }`, how the matcher makes nicknames and readings) gives
 * another; properties added one by one by keyed stores, past a dozen, give a dictionary. A scoring
 * function that meets several shapes runs slower, and each new shape met after it was optimised
 * deoptimises it — it is then optimised again, in every worker thread. On the 51,000-name batch
 * in one thread, re-optimising cost more compiler time than optimising once (1.8–2.0 s against
 * 1.1–1.4 s, V8's `--trace-opt`), and every deoptimisation is one more.
 */
import type { PreparedName } from './matching/index.js';

/**
 * The same prepared name as one object literal with the properties in `prepareName`'s order (its
 * own hidden class), its nicknames and native form too; `ids` gives each name's token ids.
 * @example inPreparedNameShape(JSON.parse(record), (n) => tokenIds(n.keyTokens))
 */
export function inPreparedNameShape(
  name: PreparedName,
  ids: (name: PreparedName) => Int32Array = (n) => n.tokenIds,
): PreparedName {
  return {
    original: name.original,
    schema: name.schema,
    tokens: name.tokens,
    keyTokens: name.keyTokens,
    phonetic: name.phonetic,
    tokenIds: ids(name),
    koreanKeys: name.koreanKeys,
    roles: name.roles,
    weights: name.weights,
    rarityWords: name.rarityWords,
    variantGroups: name.variantGroups,
    numeric: name.numeric,
    seriesNumbers: name.seriesNumbers,
    joined: name.joined,
    joinedAll: name.joinedAll,
    initials: name.initials,
    legalForms: name.legalForms,
    titles: name.titles,
    droppedParticles: name.droppedParticles,
    typoReadings: name.typoReadings,
    written: name.written,
    ignoredWords: name.ignoredWords,
    hiddenCharacters: name.hiddenCharacters,
    numberReadings: name.numberReadings,
    generation: name.generation,
    nicknames: (name.nicknames ?? []).map((n) => inPreparedNameShape(n, ids)),
    initialsApart: name.initialsApart ? inPreparedNameShape(name.initialsApart, ids) : undefined,
    alternative: name.alternative,
    syllabic: name.syllabic,
    fromAbjad: name.fromAbjad,
    transliterated: name.transliterated,
    native: name.native ? inPreparedNameShape(name.native, ids) : undefined,
  };
}

/**
 * A name just prepared, with its nicknames and readings (copies made by spreading) rebuilt in the
 * shape of the name itself; the name keeps its own object.
 */
export function withNicknamesInShape(name: PreparedName): PreparedName {
  if (name.nicknames.length > 0) name.nicknames = name.nicknames.map((n) => inPreparedNameShape(n));
  if (name.initialsApart) name.initialsApart = inPreparedNameShape(name.initialsApart);
  return name;
}
