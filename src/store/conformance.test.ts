/**
 * Runs every store's conformance suite against each implementation named in `STORES` (default
 * `sqlite,postgres`); an implementation whose server does not answer shows as one skipped test
 * saying why.
 */
import { afterAll, describe, it } from 'vitest';
import { runAlertStoreConformance } from './alert-store.case.js';
import { runAuditStoreConformance } from './audit-store.case.js';
import { runCaseStoreConformance } from './case-store.case.js';
import { runGoodsCatalogStoreConformance } from './goods-catalog-store.case.js';
import { runCustomerStoreConformance } from './customer-store.case.js';
import { runHttpValidatorStoreConformance } from './http-validator-store.case.js';
import { runJobStoreConformance } from './job-store.case.js';
import { runListStoreConformance } from './list-store.case.js';
import { runLoginRateLimiterConformance } from './login-rate-limiter.case.js';
import { runReviewStoreConformance } from './review-store.case.js';
import { runSessionStoreConformance } from './session-store.case.js';
import { storeImplementations } from './store-implementations.js';
import { runTokenStoreConformance } from './token-store.case.js';
import { runUserStoreConformance } from './user-store.case.js';

for (const implementation of storeImplementations()) {
  const unavailable = await implementation.unavailable?.();
  if (unavailable !== undefined) {
    describe(`${implementation.name} stores (conformance)`, () => {
      it.skip(`skipped: ${unavailable}`, () => undefined);
    });
    continue;
  }
  afterAll(() => implementation.dispose?.());
  runListStoreConformance(implementation);
  runReviewStoreConformance(implementation);
  runAlertStoreConformance(implementation);
  runCustomerStoreConformance(implementation);
  runHttpValidatorStoreConformance(implementation);
  runUserStoreConformance(implementation);
  runTokenStoreConformance(implementation);
  runSessionStoreConformance(implementation);
  runAuditStoreConformance(implementation);
  runCaseStoreConformance(implementation);
  runLoginRateLimiterConformance(implementation);
  runGoodsCatalogStoreConformance(implementation);
  runJobStoreConformance(implementation);
}
