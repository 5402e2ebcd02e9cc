/**
 * Errors as RFC 9457 problem documents (`application/problem+json`): a status, a short title, a
 * detail an API user can act on, and for invalid input the fields at fault. Nothing internal —
 * no stack, no file path, no SQL — ever reaches a response.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One invalid field: where (`body.party.name`, `query.limit`) and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * An error a route or middleware throws to answer with a problem document.
 *
 * @example
 * throw new ApiProblem(404, `no case ${id}`);
 * throw new ApiProblem(429, 'too many sign-in attempts', { headers: { 'Retry-After': '60' } });
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
    readonly extra: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

/** The problem document for a status and detail. */
export function problemBody(status: number, detail: string, errors?: FieldProblem[]): Problem {
  const body: Problem = { type: 'about:blank', title: titles[status] ?? 'Error', status, detail };
  if (errors && errors.length > 0) body.errors = errors;
  return body;
}

/** Answers with a problem document. */
export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  detail: string,
  extra: ApiProblem['extra'] = {},
): Response {
  for (const [name, value] of Object.entries(extra.headers ?? {})) c.header(name, value);
  c.header('Content-Type', 'application/problem+json');
  return c.body(JSON.stringify(problemBody(status, detail, extra.errors)), status);
}
