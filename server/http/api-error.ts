import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../src/domain/error-code';

/** The bridge API's one error type; `onError` turns it into `{ code, message }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
    message: string,
    /** With `consent_required`: what the caller consents to, and where. */
    readonly consent?: { scopes: string[]; authority: string },
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError('not_found', 404, `${what} not found`);
export const forbidden = (message: string) => new ApiError('forbidden', 403, message);
