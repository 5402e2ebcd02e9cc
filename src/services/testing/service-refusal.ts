/** For service tests: the ServiceError a call was refused with (and a failure when it was not refused). */
import { ServiceError } from '../service-error.js';

/**
 * @example
 * expect((await refusal(addUser(stores, analyst, input))).code).toBe('forbidden');
 */
export async function refusal(pending: Promise<unknown>): Promise<ServiceError> {
  try {
    await pending;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected the service to refuse with a ServiceError');
}
