/**
 * When a signed-in session ends: after a period without requests (idle) and, regardless of use,
 * after an absolute lifetime, so a forgotten browser tab does not stay signed in for days.
 */

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const defaultSessionPolicy: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 };

export interface SessionTimes {
  createdAt: string;
  lastSeenAt: string;
}

/** Why the session is over, or undefined while it is alive. */
export function sessionExpiry(
  session: SessionTimes,
  now: Date,
  policy: SessionPolicy = defaultSessionPolicy,
): 'idle' | 'absolute' | undefined {
  const t = now.getTime();
  if (t - Date.parse(session.createdAt) >= policy.absoluteMs) return 'absolute';
  if (t - Date.parse(session.lastSeenAt) >= policy.idleMs) return 'idle';
  return undefined;
}

/** The moment the session will end if it is not used again. */
export function sessionExpiresAt(
  session: SessionTimes,
  policy: SessionPolicy = defaultSessionPolicy,
): string {
  const idleEnd = Date.parse(session.lastSeenAt) + policy.idleMs;
  const absoluteEnd = Date.parse(session.createdAt) + policy.absoluteMs;
  return new Date(Math.min(idleEnd, absoluteEnd)).toISOString();
}
