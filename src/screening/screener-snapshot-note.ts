/**
 * The note that a screener snapshot passed its checks: the SHA-256 of its head, and of its records
 * when they are read whole, is checked once per state of the file, not on every open (11 MB of head
 * for the SDN + UN + non-SDN lists: 12–19 ms of a 0.3 s `screen "NAME"`; 39 MB of records: 60–80 ms
 * at the start of a batch). A check that passes is noted in `<snapshot>.verified` with the file's
 * stamp as the system keeps it — size, device, inode, modification and status-change times in
 * nanoseconds — and an open that finds the same stamp trusts what was checked. A write to the file,
 * a copy, a replacement or a `touch` changes the status-change time, which no program can set back,
 * so the file is checked again (and refused if it no longer matches its hashes). What the note does
 * not cover, and the check on every open did: a change the file system does not see (media decay
 * under an unchanged file, a write to the raw device), and a write landing within the clock tick of
 * the stamp after the file was read. Neither was ever proof against someone able to write the
 * folder: the hashes are in the same file, so a forger rewrites them (and the store beside it is
 * not hashed at all); they tell a damaged or half-written snapshot from a good one, and so does the
 * note.
 */
import { fstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** The hashes a snapshot's header records. */
interface SnapshotHashes {
  headSha256: string;
  tailSha256: string;
}

/** Where the note of a snapshot's checked hashes is kept (see the head of this file). */
export function verifiedNotePath(path: string): string {
  return `${path}.verified`;
}

/** Size, device, inode, modification and status-change times (ns) of an open file. */
export function fileStamp(fd: number): string {
  const s = fstatSync(fd, { bigint: true });
  return `${s.size}:${s.dev}:${s.ino}:${s.mtimeNs}:${s.ctimeNs}`;
}

interface VerifiedNote {
  stamp: string;
  headSha256: string;
  /** Set when the records were checked too. */
  tailSha256?: string;
}

/** What the note says was checked of the file at `stamp` (nothing when it is missing or stale). */
export function notedChecks(
  path: string,
  header: SnapshotHashes,
  stamp: string,
): { head: boolean; tail: boolean } {
  try {
    const note = JSON.parse(readFileSync(verifiedNotePath(path), 'utf8')) as VerifiedNote;
    if (note.stamp !== stamp || note.headSha256 !== header.headSha256) return { head: false, tail: false };
    return { head: true, tail: note.tailSha256 === header.tailSha256 };
  } catch {
    return { head: false, tail: false };
  }
}

/** Notes that the file at `stamp` passed its head check, and its records' check when `tail`. */
export function noteChecks(path: string, header: SnapshotHashes, stamp: string, tail: boolean): void {
  const note: VerifiedNote = {
    stamp,
    headSha256: header.headSha256,
    ...(tail && { tailSha256: header.tailSha256 }),
  };
  const temporary = `${verifiedNotePath(path)}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(note));
    renameSync(temporary, verifiedNotePath(path));
  } catch {
    // A read-only folder: the next open checks the hashes again.
    rmSync(temporary, { force: true });
  }
}
