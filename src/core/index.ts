/** Domain types shared by every part of Sentinela, and the store contracts adapters implement. */
export * from './alert.js';
export * from './alert-store.js';
export * from './entity.js';
export * from './http-validator-store.js';
export * from './input-error.js';
export * from './list-source.js';
export * from './list-store.js';
export * from './party-query.js';
export * from './review-store.js';
export * from './seeded-random.js';
export * from './stores.js';
export * from './audit-store.js';
export * from './case.js';
export * from './case-store.js';
export * from './session-store.js';
export * from './token-store.js';
export * from './user-store.js';
