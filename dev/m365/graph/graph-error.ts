import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The body Graph answers every error with; clients parse `error.code` (see `parseGraphError`). */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/**
 * An error the emulator answers the way Graph does: status, `error.code`, message and headers
 * (for example `Retry-After`). Thrown anywhere in a route; `createGraphApp`'s `onError` renders it.
 */
export class GraphError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** Graph dates in `innerError` carry no fraction and no zone suffix: `2025-02-13T10:17:05`. */
export function graphErrorBody(
  code: string,
  message: string,
  ids: { requestId: string; clientRequestId: string },
  nowMs: number,
): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date(nowMs).toISOString().slice(0, 19),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

export const accessDenied = () =>
  new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

export const directoryAccessDenied = () =>
  new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

export const itemNotFound = () =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

export const invalidQuery = (message: string) => new GraphError(400, 'ErrorInvalidUrlQuery', message);

export const invalidRequestBody = (message: string) => new GraphError(400, 'RequestBodyRead', message);
