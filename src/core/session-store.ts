/**
 * Signed-in browser sessions. The session id travels in an HttpOnly cookie and is stored only as
 * its SHA-256, so a copy of the database does not hand out live sessions.
 */

export interface Session {
  /** SHA-256 (hex) of the session id. */
  idHash: string;
  userName: string;
  /** Sent back by the browser in a header on every state-changing request. */
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
}

/**
 * @example
 * await stores.sessions.add(session);
 * await stores.sessions.touch(session.idHash, new Date().toISOString());
 */
export interface SessionStore {
  add(session: Session): Promise<void>;
  get(idHash: string): Promise<Session | undefined>;
  touch(idHash: string, at: string): Promise<void>;
  /** False when there was no such session. */
  delete(idHash: string): Promise<boolean>;
  /** Ends every session of a user (disabled, password changed); returns how many. */
  deleteForUser(userName: string): Promise<number>;
  /** Drops sessions created before `createdBefore` or idle since before `lastSeenBefore`; returns how many. */
  deleteExpired(createdBefore: string, lastSeenBefore: string): Promise<number>;
}
