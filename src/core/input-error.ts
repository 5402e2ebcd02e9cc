/**
 * The one error type for bad input: it always says where (file, line, field) and what to do,
 * so the CLI can print it as is and a batch can report it per row.
 */
export interface InputLocation {
  file?: string;
  line?: number;
  field?: string;
}

/**
 * One rejected row of a batch, beside the error type: its line, the field at fault (`row` for the
 * row as a whole), why, and the row's id when it has one — so every reader and batch reports its
 * rejects the same way, and `counts in = accepted + rejected` can list them.
 */
export interface RowReject extends InputLocation {
  line: number;
  field: string;
  reason: string;
  /** The row's id when it has one, so the analyst can find it. */
  id?: string;
}

export class InputError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly reason: string;

  constructor(reason: string, where: InputLocation = {}) {
    super(formatLocation(where) + reason);
    this.name = 'InputError';
    this.reason = reason;
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}

/** `file:line: field "x": ` — the prefix every user-facing input error starts with. */
export function formatLocation({ file, line, field }: InputLocation): string {
  let out = '';
  if (file) out += file;
  if (line !== undefined) out += `${file ? ':' : 'line '}${line}`;
  if (out) out += ': ';
  if (field) out += `field "${field}": `;
  return out;
}

/**
 * A rejected row as one line for the user, worded as an InputError at the same place would be;
 * the field `row` (the row as a whole) is left unnamed.
 * @example formatReject({ file: 'o.csv', line: 4, field: 'row', reason: 'not valid JSON' }) // 'o.csv:4: not valid JSON'
 */
export function formatReject(reject: RowReject): string {
  const { field, ...where } = reject;
  return formatLocation(field === 'row' ? where : reject) + reject.reason;
}
