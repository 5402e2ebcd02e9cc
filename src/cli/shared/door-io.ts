/**
 * What a CLI door reads and writes, swappable so tests run commands in-process: results to stdout,
 * messages to stderr, secrets from standard input (never from an argument, which `ps` would show).
 */

export interface DoorIo {
  out(text: string): void;
  err(text: string): void;
  /** All of standard input as text. */
  readStdin(): Promise<string>;
  stdinIsTty: boolean;
}

export const processDoorIo: DoorIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  get stdinIsTty() {
    return Boolean(process.stdin.isTTY);
  },
};
