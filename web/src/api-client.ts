/**
 * The workbench's only way to the server: same-origin fetch with the session cookie, the CSRF
 * token on every state change, and the server's problem bodies turned into readable errors.
 */

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** An API error with the HTTP status and the server's own message (which names the field). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function problemMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      detail?: string;
      title?: string;
      errors?: { path?: string; message?: string }[];
    };
    const fields = (body.errors ?? []).map((e) => `${e.path ?? ''}: ${e.message ?? ''}`).join('; ');
    return [body.detail ?? body.title ?? response.statusText, fields].filter(Boolean).join(' — ');
  } catch {
    return response.statusText || `HTTP ${response.status}`;
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(response.status, await problemMessage(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Uploads a file as the raw request body (evidence files). */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const headers: Record<string, string> = { 'content-type': file.type || 'application/octet-stream' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  if (!response.ok) throw new ApiError(response.status, await problemMessage(response));
  return (await response.json()) as T;
}

export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
