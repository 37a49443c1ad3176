import { isApiError } from '../../lib/api';

/**
 * A list that this API does not serve (404, 501) reads as empty rather than as an error to retry,
 * as the documents list does: the city's workspace still opens when one of its panels is missing.
 */
export async function notServedAsEmpty<T>(request: Promise<T[]>): Promise<T[]> {
  try {
    return await request;
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 501)) return [];
    throw error;
  }
}
