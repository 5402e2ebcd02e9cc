/**
 * The container of a screener snapshot: named sections of typed arrays, and record sections (one
 * UTF-8 JSON record each), in one file. The head (every array: the index, record offsets and
 * record hashes) is read into one SharedArrayBuffer, so worker threads share it without a copy.
 * The records come after it: read whole when the snapshot is opened for a batch, or one at a time
 * when it is opened for a few queries — then each record is checked against its own 32-bit hash
 * as it is read.
 *
 * The SHA-256 of the head, and of the records when they are read whole, is checked once per
 * state of the file, not on every open (screener-snapshot-note.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileStamp, notedChecks, noteChecks } from './screener-snapshot-note.js';

const MAGIC = 'SNTLSNP2';
const ALIGN = 8;

type SectionKind = 'i32' | 'u32' | 'f32' | 'u16' | 'u8';
type SectionArray = Int32Array | Uint32Array | Float32Array | Uint16Array | Uint8Array;

interface SectionEntry {
  name: string;
  kind: SectionKind;
  /** Byte offset within the body (head sections first, then record sections). */
  offset: number;
  bytes: number;
}

/** The header of a snapshot file: what it was built from and where each section is. */
export interface SnapshotHeader {
  format: 'sentinela-screener-snapshot-2';
  /** The hash of what the snapshot was built from (list versions, matcher and screener versions). */
  key: string;
  /** Bytes of the body that hold arrays (the head); record sections follow. */
  headBytes: number;
  headSha256: string;
  tailSha256: string;
  sections: SectionEntry[];
  /** Small facts stored beside the sections (list names and versions, counts). */
  meta: Record<string, unknown>;
}

/**
 * A snapshot in memory: its header and its body in shared memory (pass both to a worker). When
 * only the head was read, `body` holds the head and records are read from `file` on demand.
 */
export interface SnapshotBytes {
  header: SnapshotHeader;
  body: SharedArrayBuffer;
  /**
   * Set when the records were not read: where to read them from (this process only), the file's
   * stamp when it was opened, and whether its records' SHA-256 is noted as checked at that stamp.
   */
  file?: { path: string; fd: number; bodyStart: number; stamp: string; recordsVerified: boolean };
  /**
   * Set when the records were read but their SHA-256 not yet checked (`withAllRecordsUnchecked`):
   * nothing may read them before `recordsIntact` says yes.
   */
  recordsUnchecked?: true;
  /** With `recordsUnchecked`: the file and stamp to note once they pass (`noteRecordsIntact`). */
  uncheckedFile?: { path: string; stamp: string };
}

function kindOf(array: SectionArray): SectionKind {
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Uint16Array) return 'u16';
  return 'u8';
}

/**
 * FNV-1a over bytes: a record's own check, cheap enough to run on every record read. Kept a signed
 * 32-bit integer throughout, the stored unsigned hash read as one (`| 0`, the same bits): as a
 * number above 2^31 (the offset basis as written, or the hash made unsigned) it cannot be held by
 * V8's optimised code, compiled for 32-bit integers, which was deoptimised ("lost precision") and
 * optimised again, up to hundreds of times in a batch read from the file.
 */
function recordHash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h;
}

/** Collects sections, then writes the file (to a temporary name, renamed into place). */
export class SnapshotWriter {
  private readonly head: Array<{ name: string; array: SectionArray }> = [];
  private readonly tail: Array<{ name: string; array: Uint8Array }> = [];

  put(name: string, array: SectionArray): void {
    if ([...this.head, ...this.tail].some((s) => s.name === name)) {
      throw new Error(`snapshot section ${name} written twice`);
    }
    this.head.push({ name, array });
  }

  putText(name: string, text: string): void {
    this.put(name, new Uint8Array(Buffer.from(text, 'utf8')));
  }

  /** Records decoded one at a time: `name.records` (after the head), `name.offsets` and `name.hashes`. */
  putRecords(name: string, records: readonly string[]): void {
    const encoded = records.map((r) => Buffer.from(r, 'utf8'));
    const offsets = new Uint32Array(records.length + 1);
    const hashes = new Uint32Array(records.length);
    let total = 0;
    encoded.forEach((bytes, i) => {
      offsets[i] = total;
      hashes[i] = recordHash(bytes, 0, bytes.length);
      total += bytes.length;
    });
    offsets[records.length] = total;
    this.put(`${name}.offsets`, offsets);
    this.put(`${name}.hashes`, hashes);
    this.tail.push({ name: `${name}.records`, array: new Uint8Array(Buffer.concat(encoded, total)) });
  }

  /** Writes the file atomically; returns the bytes written. */
  write(path: string, key: string, meta: Record<string, unknown>): number {
    const entries: SectionEntry[] = [];
    let size = 0;
    const all = [...this.head, ...this.tail];
    let headBytes = 0;
    all.forEach(({ name, array }, i) => {
      if (i === this.head.length) headBytes = size;
      entries.push({ name, kind: kindOf(array), offset: size, bytes: array.byteLength });
      size += Math.ceil(array.byteLength / ALIGN) * ALIGN;
    });
    if (this.tail.length === 0) headBytes = size;
    const body = Buffer.alloc(size);
    all.forEach(({ array }, i) => {
      body.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), entries[i]!.offset);
    });
    const header: SnapshotHeader = {
      format: 'sentinela-screener-snapshot-2',
      key,
      headBytes,
      headSha256: createHash('sha256').update(body.subarray(0, headBytes)).digest('hex'),
      tailSha256: createHash('sha256').update(body.subarray(headBytes)).digest('hex'),
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

function readFully(fd: number, into: Uint8Array, position: number): boolean {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

/**
 * Reads a snapshot file and checks it (its hashes, unless noted as checked at the file's present
 * stamp). `records: 'all'` reads the whole body into shared memory (for worker threads);
 * `'on-demand'` reads the head only and keeps the file open for records. Returns undefined when
 * the file is missing, is not a snapshot, was built from something else than `key`, or fails a
 * hash (the caller rebuilds it).
 */
export function readSnapshotFile(
  path: string,
  key: string,
  records: 'all' | 'on-demand' = 'all',
): SnapshotBytes | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  let keepOpen = false;
  try {
    const size = statSync(path).size;
    if (size < 12) return undefined;
    const prefix = Buffer.alloc(12);
    if (!readFully(fd, prefix, 0) || prefix.toString('latin1', 0, 8) !== MAGIC) return undefined;
    const headerLength = prefix.readUInt32LE(8);
    if (12 + headerLength > size) return undefined;
    const headerBytes = Buffer.alloc(headerLength);
    if (!readFully(fd, headerBytes, 12)) return undefined;
    let header: SnapshotHeader;
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as SnapshotHeader;
    } catch {
      return undefined;
    }
    if (header.format !== 'sentinela-screener-snapshot-2' || header.key !== key) return undefined;
    const bodyStart = 12 + headerLength;
    const bodyLength = size - bodyStart;
    if (header.headBytes > bodyLength) return undefined;
    // Taken before the body is read: a change after it makes the next open check again.
    const stamp = fileStamp(fd);
    const noted = notedChecks(path, header, stamp);
    const wanted = records === 'all' ? bodyLength : header.headBytes;
    const body = new SharedArrayBuffer(wanted);
    const view = new Uint8Array(body);
    if (!readFully(fd, view, bodyStart)) return undefined;
    const sha = (from: number, to: number) =>
      createHash('sha256').update(view.subarray(from, to)).digest('hex');
    if (!noted.head && sha(0, header.headBytes) !== header.headSha256) return undefined;
    if (records === 'all') {
      if (!noted.tail && sha(header.headBytes, bodyLength) !== header.tailSha256) return undefined;
      if (!noted.tail) noteChecks(path, header, stamp, true);
      return { header, body };
    }
    if (!noted.head) noteChecks(path, header, stamp, false);
    keepOpen = true;
    return { header, body, file: { path, fd, bodyStart, stamp, recordsVerified: noted.tail } };
  } finally {
    if (!keepOpen) closeSync(fd);
  }
}

/** The same snapshot with its records in memory too, for worker threads or a long batch here. */
export function withAllRecords(snapshot: SnapshotBytes): SnapshotBytes {
  const full = withAllRecordsUnchecked(snapshot);
  if (!recordsIntact(full))
    throw new Error(
      `the screening snapshot ${snapshot.file?.path ?? ''} changed or was damaged while in use`,
    );
  noteRecordsIntact(full);
  const { recordsUnchecked: _checked, uncheckedFile: _noted, ...checked } = full;
  return checked;
}

/**
 * The same snapshot with its records in memory, their SHA-256 not checked yet (`recordsUnchecked`):
 * the head already read and checked is copied, only the records are read, from the file this
 * snapshot was opened from (its descriptor, so a snapshot written in its place since is not mixed
 * in). The batch pool leaves the check to a worker, which does it while this thread reads the input.
 * Records noted as checked at the stamp the file still has come back checked.
 */
export function withAllRecordsUnchecked(snapshot: SnapshotBytes): SnapshotBytes {
  if (!snapshot.file) return snapshot;
  const { header } = snapshot;
  const { fd, bodyStart, path, stamp, recordsVerified } = snapshot.file;
  try {
    const now = fileStamp(fd);
    const bodyLength = fstatSync(fd).size - bodyStart;
    if (bodyLength >= header.headBytes) {
      const body = new SharedArrayBuffer(bodyLength);
      const view = new Uint8Array(body);
      view.set(new Uint8Array(snapshot.body, 0, header.headBytes));
      if (readFully(fd, view.subarray(header.headBytes), bodyStart + header.headBytes)) {
        if (now === stamp && recordsVerified) return { header, body };
        return { header, body, recordsUnchecked: true, uncheckedFile: { path, stamp: now } };
      }
    }
  } catch {
    // The descriptor was closed (a process holding many snapshots): read the file again below.
  }
  const full = readSnapshotFile(path, header.key, 'all');
  if (!full) throw new Error(`the screening snapshot ${path} changed or was damaged while in use`);
  return full;
}

/** Whether the records of a snapshot read whole match their SHA-256 (true when already checked). */
export function recordsIntact(snapshot: SnapshotBytes): boolean {
  if (!snapshot.recordsUnchecked) return true;
  const view = new Uint8Array(snapshot.body);
  const sha = createHash('sha256').update(view.subarray(snapshot.header.headBytes)).digest('hex');
  return sha === snapshot.header.tailSha256;
}

/**
 * Notes that the records of `snapshot` (read by `withAllRecordsUnchecked`) passed `recordsIntact`,
 * so the next batch on the unchanged file reads them without the check.
 */
export function noteRecordsIntact(snapshot: SnapshotBytes): void {
  if (snapshot.uncheckedFile)
    noteChecks(snapshot.uncheckedFile.path, snapshot.header, snapshot.uncheckedFile.stamp, true);
}

/** Typed views onto the sections of a snapshot in shared memory (no copies), and its records. */
export class SnapshotSections {
  private readonly byName: Map<string, SectionEntry>;
  private readonly bytes: Buffer;
  private scratch = Buffer.alloc(4096);

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

  /** A whole text section of the head. */
  text(name: string): string {
    const e = this.entry(name, 'u8');
    return this.bytes.toString('utf8', e.offset, e.offset + e.bytes);
  }

  /** A reader of the records written by `putRecords(name, …)`; each record's hash is checked. */
  records(name: string): (index: number) => string {
    const offsets = this.u32(`${name}.offsets`);
    const hashes = this.u32(`${name}.hashes`);
    const base = this.entry(`${name}.records`, 'u8').offset;
    const file = this.snapshot.file;
    return (index: number): string => {
      const start = base + offsets[index]!;
      const end = base + offsets[index + 1]!;
      let bytes: Buffer = this.bytes;
      let from = start;
      if (file) {
        if (this.scratch.length < end - start)
          this.scratch = Buffer.alloc(Math.max(end - start, this.scratch.length * 2));
        bytes = this.scratch;
        from = 0;
        if (!readFully(file.fd, this.scratch.subarray(0, end - start), file.bodyStart + start)) {
          throw new Error(`screening snapshot ${file.path} is cut short; delete it to rebuild`);
        }
      }
      // Records in memory were read whole and their SHA-256 checked (readSnapshotFile 'all'); a
      // record read from the file is checked on its own.
      if (file && recordHash(bytes, from, from + end - start) !== (hashes[index]! | 0)) {
        throw new Error(
          `screening snapshot record ${name}[${index}] is damaged; delete ${file?.path ?? 'the snapshot'} to rebuild`,
        );
      }
      return bytes.toString('utf8', from, from + end - start);
    };
  }
}
