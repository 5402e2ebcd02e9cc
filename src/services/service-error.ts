/**
 * The one error type services raise for failures a caller can act on, with a code every door
 * maps its own way: the CLI to a message and exit status, the HTTP API to a status code
 * (invalid 400, unauthenticated 401, forbidden 403, not-found 404, conflict 409, too-large 413,
 * rate-limited 429). Input files keep their own `InputError` (file, line, field).
 */
export const serviceErrorCodes = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'rate-limited',
] as const;
export type ServiceErrorCode = (typeof serviceErrorCodes)[number];

export interface ServiceErrorDetails {
  /** The request field or command-line argument at fault, when there is one. */
  field?: string;
  /** For `rate-limited`: when to try again. */
  retryAfterSeconds?: number;
}

/**
 * @example
 * throw new ServiceError('not-found', 'no list named "us-ofac-sdn" in the store');
 */
export class ServiceError extends Error {
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    details: ServiceErrorDetails = {},
  ) {
    super(message);
    this.name = 'ServiceError';
    this.field = details.field;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
