/** Access control, the public face: roles, the permission matrix, token scopes, password and secret hashing, sessions, sign-in rate limits. */
export { isRole, roles, type Role } from './roles.js';
export { actions, actionsIn, can, isAction, permissionMatrix, type Action } from './permissions.js';
export { isTokenScope, scopeActions, tokenCan, tokenScopes, type TokenScope } from './token-scopes.js';
export {
  defaultScryptCost,
  hashPassword,
  maxPasswordLength,
  minPasswordLength,
  passwordProblem,
  storedHashCost,
  verifyPassword,
  type ScryptCost,
} from './password-hash.js';
export { constantTimeEquals, newPublicId, newSecret, secretHash } from './secret-token.js';
export {
  defaultSessionPolicy,
  sessionExpiresAt,
  sessionExpiry,
  type SessionPolicy,
  type SessionTimes,
} from './session-policy.js';
export {
  afterLoginFailure,
  defaultLoginRateLimits,
  InMemoryLoginRateLimiter,
  loginDecision,
  type LoginFailureState,
  type LoginRateDecision,
  type LoginRateLimiter,
  type LoginRateLimits,
} from './login-rate-limiter.js';
