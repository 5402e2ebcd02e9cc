/**
 * Turns a failed zod validation into a 400 problem that names each field at fault, as
 * `body.party.name` or `query.limit`, so an API user can fix the request without guessing.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { type FieldProblem, problemResponse } from './problem-response.js';

/** Where a value came from, as the API user sees it. */
const targetNames: Record<string, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  cookie: 'cookie',
};

/** The fields of a zod error, each prefixed with where it came from. */
export function fieldProblems(target: string, error: z.ZodError): FieldProblem[] {
  const prefix = targetNames[target] ?? target;
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** A one-line summary of the fields at fault, for the problem's `detail`. */
export function invalidDetail(problems: readonly FieldProblem[]): string {
  const shown = problems.slice(0, 3).map((p) => `${p.field}: ${p.message}`);
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return `invalid request: ${shown.join('; ')}${more}`;
}

/** The `defaultHook` of the OpenAPI app: every route's validation failures answer the same way. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const problems = fieldProblems(result.target, result.error);
  return problemResponse(c, 400, invalidDetail(problems), { errors: problems });
}
