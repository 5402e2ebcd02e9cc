/** Domain types shared by every part of Sentinela. */
export * from './alert.js';
export * from './entity.js';
export * from './input-error.js';
export * from './list-source.js';
export * from './list-store.js';
export * from './party-query.js';
export * from './review-store.js';
export * from './seeded-random.js';
