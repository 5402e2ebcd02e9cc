/**
 * Posting lists in compressed-sparse-row form: one offsets array and one documents array for all
 * keys, so a million-alias index is a few typed arrays rather than millions of small JS arrays.
 */
import { IntBuffer } from './int-buffer.js';
import type { KeyIds } from './key-table.js';

/** Read side: key → sorted, de-duplicated document ids. */
export class PostingLists {
  constructor(
    /** A Map when just built; a KeyTable when loaded from a snapshot. */
    private readonly keyIds: KeyIds,
    private readonly offsets: Uint32Array,
    private readonly documents: Int32Array,
  ) {}

  /** The typed arrays and key table, for writing a snapshot. */
  get parts(): { keyIds: KeyIds; offsets: Uint32Array; documents: Int32Array } {
    return { keyIds: this.keyIds, offsets: this.offsets, documents: this.documents };
  }

  get keyCount(): number {
    return this.keyIds.size;
  }

  get postingCount(): number {
    return this.documents.length;
  }

  /** The key's id, or undefined when no document holds it. */
  id(key: string): number | undefined {
    return this.keyIds.get(key);
  }

  /** How many documents hold the key (its document frequency). */
  frequency(keyId: number): number {
    return this.offsets[keyId + 1]! - this.offsets[keyId]!;
  }

  /** The documents of every key, key after key (a key's start at `firstDocument`). */
  get allDocuments(): Int32Array {
    return this.documents;
  }

  /** Where the key's documents start in `allDocuments`; `frequency` of them follow. */
  firstDocument(keyId: number): number {
    return this.offsets[keyId]!;
  }

  /** The documents holding the key, as a view (no copy). */
  postings(keyId: number): Int32Array {
    return this.documents.subarray(this.offsets[keyId]!, this.offsets[keyId + 1]!);
  }

  /** Approximate heap bytes of the typed arrays (the key strings are not counted). */
  get arrayBytes(): number {
    return this.offsets.byteLength + this.documents.byteLength;
  }
}

/**
 * Write side. Documents must be added in non-decreasing id order; a key added twice for the same
 * document is stored once.
 */
export class PostingListBuilder {
  private readonly keyIds = new Map<string, number>();
  private readonly pairKeys = new IntBuffer(1 << 16);
  private readonly pairDocs = new IntBuffer(1 << 16);
  private readonly lastDoc = new IntBuffer(1 << 12);

  /** Adds the key to the document; returns the key's id, or -1 when the document already had it. */
  add(key: string, document: number): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
      this.lastDoc.push(-1);
    } else if (this.lastDoc.at(id) === document) {
      return -1;
    }
    this.lastDoc.set(id, document);
    this.pairKeys.push(id);
    this.pairDocs.push(document);
    return id;
  }

  /** Counting sort of the (key, document) pairs into CSR form; document order within a key is kept. */
  /** Every key with its id, for building second-level indexes over the vocabulary. */
  entries(): IterableIterator<[string, number]> {
    return this.keyIds.entries();
  }

  build(): PostingLists {
    const keyCount = this.keyIds.size;
    const offsets = new Uint32Array(keyCount + 1);
    const n = this.pairKeys.length;
    for (let i = 0; i < n; i++) offsets[this.pairKeys.at(i) + 1]!++;
    for (let k = 0; k < keyCount; k++) offsets[k + 1]! += offsets[k]!;
    const cursor = offsets.slice(0, keyCount);
    const documents = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const key = this.pairKeys.at(i);
      documents[cursor[key]!++] = this.pairDocs.at(i);
    }
    return new PostingLists(this.keyIds, offsets, documents);
  }
}
