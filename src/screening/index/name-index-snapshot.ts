/**
 * Writes a built name index into snapshot sections and opens it again from them: posting lists and
 * weights stay typed arrays (views onto shared memory once loaded), key maps become KeyTables, so
 * opening an index costs no preparing, sorting or map building.
 */
import { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { KeyTable } from './key-table.js';
import { NameIndex } from './name-index.js';
import { PostingLists } from './posting-lists.js';

/** Where sections are written (see `SnapshotWriter`). */
export interface IndexSectionSink {
  put(name: string, array: Int32Array | Uint32Array | Float32Array | Uint16Array | Uint8Array): void;
  putText(name: string, text: string): void;
}

/** Where sections are read from (see `SnapshotSections`). */
export interface IndexSectionSource {
  i32(name: string): Int32Array;
  u32(name: string): Uint32Array;
  f32(name: string): Float32Array;
  u16(name: string): Uint16Array;
  text(name: string): string;
}

/** Keys never hold a line break (they are normalised name words and internal keys). */
const SEPARATOR = '\n';

function putPostings(
  sink: IndexSectionSink,
  name: string,
  lists: PostingLists,
  keys: readonly string[],
): void {
  const { offsets, documents } = lists.parts;
  const table = KeyTable.build(keys).tableArrays;
  sink.put(`${name}.offsets`, offsets);
  sink.put(`${name}.documents`, documents);
  sink.put(`${name}.slots`, table.slots);
  sink.put(`${name}.keyOffsets`, table.offsets);
  sink.put(`${name}.keyChars`, table.chars);
}

function openPostings(source: IndexSectionSource, name: string): PostingLists {
  const keys = new KeyTable({
    slots: source.i32(`${name}.slots`),
    offsets: source.u32(`${name}.keyOffsets`),
    chars: source.u16(`${name}.keyChars`),
  });
  return new PostingLists(keys, source.u32(`${name}.offsets`), source.i32(`${name}.documents`));
}

/** The keys of posting lists in id order (from their Map, or their KeyTable when loaded). */
function keysOf(lists: PostingLists): string[] {
  const ids = lists.parts.keyIds;
  const keys: string[] = new Array(ids.size);
  if (ids instanceof Map) for (const [key, id] of ids as Map<string, number>) keys[id] = key;
  else for (let id = 0; id < ids.size; id++) keys[id] = (ids as KeyTable).key(id);
  return keys;
}

/** Writes every part of `index` as sections named `index.*`. */
export function writeNameIndex(index: NameIndex, sink: IndexSectionSink): void {
  const parts = index.parts;
  putPostings(sink, 'index.tokens', parts.tokens, parts.vocabulary);
  putPostings(sink, 'index.phonetics', parts.phonetics, keysOf(parts.phonetics));
  putPostings(sink, 'index.deletions', parts.deletions, keysOf(parts.deletions));
  putPostings(sink, 'index.joinedForms', parts.joinedForms, keysOf(parts.joinedForms));
  sink.putText('index.vocabulary', parts.vocabulary.join(SEPARATOR));
  sink.putText('index.sortedWords', parts.sortedWords.join(SEPARATOR));
  sink.put('index.aliasEntity', parts.aliasEntity);
  sink.put('index.entityFirstAlias', parts.entityFirstAlias);
  sink.put('index.aliasWeight', parts.aliasWeight);
  sink.putText('index.identifiers', JSON.stringify([...parts.identifiers]));
  sink.put('index.entityCount', Int32Array.of(parts.entityCount));
}

/** Opens the index written by `writeNameIndex`. */
export function openNameIndex(source: IndexSectionSource): NameIndex {
  const tokens = openPostings(source, 'index.tokens');
  const phonetics = openPostings(source, 'index.phonetics');
  const deletions = openPostings(source, 'index.deletions');
  // The vocabulary and identifiers are decoded on first use: a one-name screen needs neither.
  const vocabulary = () => {
    const text = source.text('index.vocabulary');
    return text ? text.split(SEPARATOR) : [];
  };
  const sortedText = source.text('index.sortedWords');
  const sortedWords = sortedText ? sortedText.split(SEPARATOR) : [];
  const identifiers = () =>
    new Map<string, number[]>(JSON.parse(source.text('index.identifiers')) as Array<[string, number[]]>);
  return new NameIndex(
    tokens,
    phonetics,
    new FuzzyVocabulary(tokens, deletions),
    vocabulary,
    source.i32('index.aliasEntity'),
    source.i32('index.entityFirstAlias'),
    source.i32('index.entityCount')[0]!,
    identifiers,
    source.f32('index.aliasWeight'),
    sortedWords,
    openPostings(source, 'index.joinedForms'),
  );
}
