/**
 * Crash-safe batch output: results go to `<output>.partial` beside the output, in input order, a
 * chunk at a time; after each chunk is on disk (fsync) a line in `<output>.journal` records how
 * many rows and bytes are done and the running counts. On success the partial file is renamed
 * over the output, so the output path only ever holds a complete run (never a half JSON line or a
 * previous run's stale results). After a kill, `--resume` truncates the partial file to the last
 * journaled chunk and continues from the next row: the final file holds exactly one result per
 * input row. The journal names the input's SHA-256, so a changed input cannot be resumed.
 */
import {
  closeSync,
  existsSync,
  fsync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ServiceError } from './service-error.js';

export interface BatchCounts {
  screened: number;
  rejected: number;
  alerts: number;
}

interface JournalEntry extends BatchCounts {
  rows: number;
  bytes: number;
}

export class BatchOutputJournal {
  private constructor(
    readonly output: string,
    private readonly partialPath: string,
    private readonly journalPath: string,
    private fd: number,
    /** Rows already done (by an earlier, interrupted run when resuming). */
    readonly resumedRows: number,
    readonly resumedCounts: BatchCounts,
    private bytes: number,
  ) {}

  /**
   * Checks the output path before any work and opens the partial file (fresh, or continued).
   *
   * @example
   * const journal = await BatchOutputJournal.open('matches.jsonl', 'customers.csv', sha256, { resume: false });
   */
  static async open(
    output: string,
    input: string,
    inputSha256: string,
    options: { resume: boolean },
  ): Promise<BatchOutputJournal> {
    const out = resolve(output);
    if (out === resolve(input))
      throw new ServiceError('invalid', `--output ${output} is the input file; choose another path`, {
        field: 'output',
      });
    if (existsSync(out) && statSync(out).isDirectory())
      throw new ServiceError('invalid', `--output ${output} is a folder; give a file path`, {
        field: 'output',
      });
    const partialPath = `${out}.partial`;
    const journalPath = `${out}.journal`;
    let resumed: JournalEntry = { rows: 0, bytes: 0, screened: 0, rejected: 0, alerts: 0 };
    if (options.resume) {
      if (!existsSync(journalPath) || !existsSync(partialPath))
        throw new ServiceError(
          'invalid',
          `nothing to resume for ${output}: no interrupted run (${journalPath})`,
          { field: 'resume' },
        );
      const lines = readFileSync(journalPath, 'utf8')
        .split('\n')
        .filter((l) => l.trim());
      let header: { input?: string; sha256?: string } = {};
      try {
        header = JSON.parse(lines[0] ?? '{}');
        // A torn last line (killed mid-write) is ignored: the previous chunk is the last complete one.
        for (const line of lines.slice(1)) {
          try {
            resumed = JSON.parse(line) as JournalEntry;
          } catch {}
        }
      } catch {
        throw new ServiceError(
          'invalid',
          `the journal ${journalPath} is damaged; run again without --resume`,
          { field: 'resume' },
        );
      }
      if (header.sha256 !== inputSha256)
        throw new ServiceError(
          'invalid',
          `${input} changed since the interrupted run (its SHA-256 differs); run again without --resume`,
          {
            field: 'resume',
          },
        );
      truncateSync(partialPath, resumed.bytes);
    }
    let fd: number;
    try {
      fd = openSync(partialPath, options.resume ? 'r+' : 'w');
      if (!options.resume) {
        closeSync(openSync(journalPath, 'w'));
        await appendLine(journalPath, { input: resolve(input), sha256: inputSha256, output: out });
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new ServiceError(
        'invalid',
        `cannot write beside --output ${output} in ${dirname(out)} (${code})`,
        { field: 'output' },
      );
    }
    const { rows, bytes, ...counts } = resumed;
    return new BatchOutputJournal(out, partialPath, journalPath, fd, rows, counts, bytes);
  }

  /**
   * Appends one chunk's result lines, makes them durable, then records the progress (durably too).
   * The two syncs run off this thread: a screening batch's workers get their next rows from this
   * thread's event loop, which a sync of tens of milliseconds would hold up. Resolves once the
   * progress line is on disk; the next chunk is appended only after that.
   */
  async append(text: string, rowsDone: number, counts: BatchCounts): Promise<void> {
    const buffer = Buffer.from(text);
    let written = 0;
    while (written < buffer.length)
      written += writeSync(this.fd, buffer, written, buffer.length - written, this.bytes + written);
    await fsyncOffThread(this.fd);
    this.bytes += buffer.length;
    await appendLine(this.journalPath, { rows: rowsDone, bytes: this.bytes, ...counts });
  }

  /** The run finished: the complete file takes the output's place, the journal goes. */
  commit(): void {
    closeSync(this.fd);
    renameSync(this.partialPath, this.output);
    rmSync(this.journalPath, { force: true });
  }

  /** Stops writing (interrupted): partial file and journal stay for `--resume`. */
  close(): void {
    closeSync(this.fd);
  }
}

const fsyncOffThread = promisify(fsync);

/** Appends one JSON line to the journal and makes it durable (the sync off this thread). */
async function appendLine(path: string, value: object): Promise<void> {
  const fd = openSync(path, 'a');
  try {
    writeSync(fd, `${JSON.stringify(value)}\n`);
    await fsyncOffThread(fd);
  } finally {
    closeSync(fd);
  }
}
