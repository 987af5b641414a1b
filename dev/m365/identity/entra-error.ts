/** OAuth error names Entra answers with on its token and metadata endpoints. */
export type EntraErrorName =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'invalid_resource'
  | 'invalid_tenant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'authorization_pending'
  | 'authorization_declined'
  | 'expired_token'
  | 'bad_verification_code';

/**
 * One failed request, thrown by the grants and turned into Entra's JSON body by the route. The
 * message is the text after `AADSTSnnnn: `.
 */
export class EntraError extends Error {
  override readonly name = 'EntraError';

  constructor(
    readonly error: EntraErrorName,
    readonly aadstsCode: number,
    message: string,
    readonly suberror?: string,
  ) {
    super(message);
  }

  /** Entra answers 401 only when the client failed to authenticate. */
  get status(): 400 | 401 {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

export interface EntraErrorBody {
  error: EntraErrorName;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
}

/** Entra's error body, with its `\r\n`-separated trace lines and `2026-01-02 03:04:05Z` timestamps. */
export function entraErrorBody(
  failure: EntraError,
  request: { baseUrl: string; traceId: string; correlationId: string; at: Date },
): EntraErrorBody {
  const timestamp = `${request.at.toISOString().slice(0, 19).replace('T', ' ')}Z`;
  return {
    error: failure.error,
    error_description: [
      `AADSTS${failure.aadstsCode}: ${failure.message}`,
      `Trace ID: ${request.traceId}`,
      `Correlation ID: ${request.correlationId}`,
      `Timestamp: ${timestamp}`,
    ].join('\r\n'),
    error_codes: [failure.aadstsCode],
    timestamp,
    trace_id: request.traceId,
    correlation_id: request.correlationId,
    error_uri: `${request.baseUrl}/error?code=${failure.aadstsCode}`,
    ...(failure.suberror ? { suberror: failure.suberror } : {}),
  };
}
