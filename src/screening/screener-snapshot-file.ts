/**
 * The container of a screener snapshot: named sections of typed arrays and text in one file, read
 * into one SharedArrayBuffer so every worker thread sees the same bytes without a copy. A header
 * names the sections and carries the SHA-256 of the body, checked when the file is opened.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';

const MAGIC = 'SNTLSNP1';
const ALIGN = 8;

type SectionKind = 'i32' | 'u32' | 'f32' | 'u16' | 'u8';
type SectionArray = Int32Array | Uint32Array | Float32Array | Uint16Array | Uint8Array;

interface SectionEntry {
  name: string;
  kind: SectionKind;
  offset: number;
  bytes: number;
}

/** The header of a snapshot file: what it was built from and where each section is. */
export interface SnapshotHeader {
  format: 'sentinela-screener-snapshot-1';
  /** The hash of what the snapshot was built from (list versions, matcher and screener versions). */
  key: string;
  /** SHA-256 of the body (every section), checked on open. */
  bodySha256: string;
  sections: SectionEntry[];
  /** Small facts stored beside the sections (list names and versions, counts). */
  meta: Record<string, unknown>;
}

/** A snapshot in memory: its header and its body in shared memory (pass both to a worker). */
export interface SnapshotBytes {
  header: SnapshotHeader;
  body: SharedArrayBuffer;
}

function kindOf(array: SectionArray): SectionKind {
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Uint16Array) return 'u16';
  return 'u8';
}

/** Collects sections, then writes the file (to a temporary name, renamed into place). */
export class SnapshotWriter {
  private readonly sections: Array<{ name: string; array: SectionArray }> = [];

  put(name: string, array: SectionArray): void {
    if (this.sections.some((s) => s.name === name)) throw new Error(`snapshot section ${name} written twice`);
    this.sections.push({ name, array });
  }

  putText(name: string, text: string): void {
    this.put(name, new Uint8Array(Buffer.from(text, 'utf8')));
  }

  /** Writes the file atomically; returns the bytes written. */
  write(path: string, key: string, meta: Record<string, unknown>): number {
    const entries: SectionEntry[] = [];
    let size = 0;
    for (const { name, array } of this.sections) {
      entries.push({ name, kind: kindOf(array), offset: size, bytes: array.byteLength });
      size += Math.ceil(array.byteLength / ALIGN) * ALIGN;
    }
    const body = Buffer.alloc(size);
    this.sections.forEach(({ array }, i) => {
      body.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), entries[i]!.offset);
    });
    const header: SnapshotHeader = {
      format: 'sentinela-screener-snapshot-1',
      key,
      bodySha256: createHash('sha256').update(body).digest('hex'),
      sections: entries,
      meta,
    };
    let headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const padded = Math.ceil((headerBytes.length + 12) / ALIGN) * ALIGN - 12;
    headerBytes = Buffer.concat([headerBytes, Buffer.alloc(padded - headerBytes.length, 0x20)]);
    const prefix = Buffer.alloc(12);
    prefix.write(MAGIC, 0, 'latin1');
    prefix.writeUInt32LE(headerBytes.length, 8);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([prefix, headerBytes, body]));
    renameSync(temporary, path);
    return 12 + headerBytes.length + body.length;
  }
}

/**
 * Reads a snapshot file into shared memory and checks its body hash. Returns undefined when the
 * file is missing, is not a snapshot, was built from something else than `key`, or fails its hash
 * (the caller rebuilds it).
 */
export function readSnapshotFile(path: string, key: string): SnapshotBytes | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = statSync(path).size;
    if (size < 12) return undefined;
    const prefix = Buffer.alloc(12);
    readSync(fd, prefix, 0, 12, 0);
    if (prefix.toString('latin1', 0, 8) !== MAGIC) return undefined;
    const headerLength = prefix.readUInt32LE(8);
    if (12 + headerLength > size) return undefined;
    const headerBytes = Buffer.alloc(headerLength);
    readSync(fd, headerBytes, 0, headerLength, 12);
    let header: SnapshotHeader;
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as SnapshotHeader;
    } catch {
      return undefined;
    }
    if (header.format !== 'sentinela-screener-snapshot-1' || header.key !== key) return undefined;
    const bodyLength = size - 12 - headerLength;
    const body = new SharedArrayBuffer(bodyLength);
    const view = new Uint8Array(body);
    let done = 0;
    while (done < bodyLength) {
      const n = readSync(fd, view, done, bodyLength - done, 12 + headerLength + done);
      if (n === 0) return undefined;
      done += n;
    }
    if (createHash('sha256').update(view).digest('hex') !== header.bodySha256) return undefined;
    return { header, body };
  } finally {
    closeSync(fd);
  }
}

/** Typed views onto the sections of a snapshot in shared memory (no copies). */
export class SnapshotSections {
  private readonly byName: Map<string, SectionEntry>;
  private readonly bytes: Buffer;

  constructor(readonly snapshot: SnapshotBytes) {
    this.byName = new Map(snapshot.header.sections.map((s) => [s.name, s]));
    this.bytes = Buffer.from(snapshot.body);
  }

  private entry(name: string, kind: SectionKind): SectionEntry {
    const entry = this.byName.get(name);
    if (!entry || entry.kind !== kind) throw new Error(`snapshot has no ${kind} section ${name}`);
    return entry;
  }

  i32(name: string): Int32Array {
    const e = this.entry(name, 'i32');
    return new Int32Array(this.snapshot.body, e.offset, e.bytes / 4);
  }

  u32(name: string): Uint32Array {
    const e = this.entry(name, 'u32');
    return new Uint32Array(this.snapshot.body, e.offset, e.bytes / 4);
  }

  f32(name: string): Float32Array {
    const e = this.entry(name, 'f32');
    return new Float32Array(this.snapshot.body, e.offset, e.bytes / 4);
  }

  u16(name: string): Uint16Array {
    const e = this.entry(name, 'u16');
    return new Uint16Array(this.snapshot.body, e.offset, e.bytes / 2);
  }

  /** A whole text section. */
  text(name: string): string {
    const e = this.entry(name, 'u8');
    return this.bytes.toString('utf8', e.offset, e.offset + e.bytes);
  }

  /** Part of a text section, by byte offsets within it (for records decoded one at a time). */
  textSlice(name: string, start: number, end: number): string {
    const e = this.entry(name, 'u8');
    return this.bytes.toString('utf8', e.offset + start, e.offset + end);
  }

  /** Where a text section starts in the body, to slice many records without a lookup each. */
  textBase(name: string): number {
    return this.entry(name, 'u8').offset;
  }

  /** Decodes body bytes [start, end) as UTF-8. */
  utf8(start: number, end: number): string {
    return this.bytes.toString('utf8', start, end);
  }
}

/** Joins records into one text section with byte offsets, so each can be decoded alone. */
export function recordSection(records: readonly string[]): { text: string; offsets: Uint32Array } {
  const offsets = new Uint32Array(records.length + 1);
  let bytes = 0;
  records.forEach((record, i) => {
    offsets[i] = bytes;
    bytes += Buffer.byteLength(record, 'utf8');
  });
  offsets[records.length] = bytes;
  return { text: records.join(''), offsets };
}
