import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { ErpError, type ErpErrorCode } from '../../src/domain/erp-port';
import type { ErrorCode } from '../../src/domain/error-code';
import { SyncError, type SyncErrorCode } from '../../src/sync/sync-error';
import type { ErrorBody } from '../../src/domain/error-code';
import { consentRequired, consentScopes } from '../auth/graph-token-sources';
import { describeIssues } from '../config/load-config';
import { StoreError } from '../store/store-error';
import { ApiError } from './api-error';

const erpStatus: Record<ErpErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  conflict: 409,
  invalid_input: 400,
  erp_unavailable: 503,
};

/** Graph's failures as the API reports them: the caller learns what to do, not Graph's status. */
const syncAnswer: Record<SyncErrorCode, { status: ContentfulStatusCode; code: ErrorCode }> = {
  throttled: { status: 503, code: 'throttled' },
  auth_required: { status: 401, code: 'auth_required' },
  forbidden: { status: 403, code: 'forbidden' },
  not_found: { status: 404, code: 'not_found' },
  cursor_expired: { status: 409, code: 'cursor_expired' },
  conflict: { status: 409, code: 'conflict' },
  precondition_failed: { status: 409, code: 'conflict' },
  dependency_failed: { status: 502, code: 'unavailable' },
  invalid_input: { status: 502, code: 'unavailable' },
  unavailable: { status: 503, code: 'unavailable' },
};

interface AuthLikeError {
  code: 'auth_required' | 'invalid_token' | 'forbidden';
  status: 401 | 403;
  message: string;
}

function isAuthError(error: unknown): error is AuthLikeError {
  return error instanceof Error && error.name === 'AuthError' && 'status' in error && 'code' in error;
}

/** Maps every failure to `{ code, message }`; only unexpected ones are logged as errors. */
export function toErrorResponse(error: unknown, logger: Logger): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof ApiError) return { status: error.status, body: { code: error.code, message: error.message, ...error.consent } };
  if (isAuthError(error)) return { status: error.status, body: { code: error.code, message: error.message } };
  if (error instanceof ErpError) {
    if (error.code === 'erp_unavailable') logger.warn({ err: error }, 'ERP unavailable');
    return { status: erpStatus[error.code], body: { code: error.code, message: error.message } };
  }
  if (error instanceof SyncError) {
    if (error.graphCode === consentRequired) return { status: 403, body: { code: 'consent_required', message: error.message, scopes: consentScopes } };
    const answer = syncAnswer[error.code];
    // Graph refusing our request (invalid_input) is our bug, not the caller's: logged, answered 502.
    if (error.code === 'invalid_input' || error.code === 'unavailable') logger.warn({ err: error }, 'Microsoft 365 request failed');
    return { status: answer.status, body: { code: answer.code, message: error.message } };
  }
  if (error instanceof StoreError) {
    if (error.code === 'token_unreadable') return { status: 401, body: { code: 'auth_required', message: 'sign in again: the stored sign-in can no longer be read' } };
    if (error.code === 'invalid_input') return { status: 400, body: { code: 'invalid_input', message: error.message } };
  }
  if (error instanceof ZodError) return { status: 400, body: { code: 'invalid_input', message: describeIssues(error) } };
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 413) return { status, body: { code: 'invalid_input', message: 'request body too large' } };
    if (status < 500) return { status, body: { code: 'invalid_input', message: error.message || 'bad request' } };
  }
  logger.error({ err: error }, 'unhandled error');
  return { status: 500, body: { code: 'internal', message: 'internal error; the request id in the logs tells more' } };
}

export function errorHandler(getLogger: (c: Context) => Logger) {
  return (error: Error, c: Context) => {
    const { status, body } = toErrorResponse(error, getLogger(c));
    return c.json(body, status);
  };
}
