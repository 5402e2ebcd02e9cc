/** Schemas shared by every area's routes: the problem document and the standard error responses. */
import { z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .openapi({
        description: 'For invalid input: each field at fault, as `body.party.name` or `query.limit`.',
      }),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error responses every authenticated route can give. */
export const protectedErrors = {
  400: problem('Invalid input; `errors` names each field at fault'),
  401: problem('No valid session or API token'),
  403: problem('The role or token scope does not allow this, or the CSRF header is missing'),
  429: problem('Too many requests; wait for `Retry-After` seconds'),
} as const;

export const notFoundError = { 404: problem('No such resource') } as const;
export const conflictError = { 409: problem('The change conflicts with the current state') } as const;
export const tooLargeError = { 413: problem('The body is larger than the route accepts') } as const;
export const notReadyError = { 503: problem('The screening index is not built yet; retry shortly') } as const;

/** The security requirement of protected routes: a bearer token or the session cookie. */
export const protectedSecurity: Array<Record<string, string[]>> = [
  { bearerToken: [] },
  { sessionCookie: [] },
];
