import { type ErrorCode, errorCodes } from '../domain/error-code';

/**
 * Every failed bridge call, as one error: the bridge's `{ code, message }`, or a code derived from
 * the HTTP status when the answer is not ours (a proxy's HTML page), or `unavailable` when the
 * network failed. Callers switch on `code`; nothing is turned into null.
 */
export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** 0 when no answer arrived. */
    readonly status: number,
    options?: { cause?: unknown; scopes?: readonly string[]; authority?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.scopes = options?.scopes ?? [];
    this.authority = options?.authority;
  }

  /** With `consent_required`: the authority where the user consents, as the bridge names it. */
  readonly authority: string | undefined;

  /** With `consent_required`: the scopes the user consents to before retrying. */
  readonly scopes: readonly string[];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

export function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 413 || status === 422) return 'invalid_input';
  if (status === 401) return 'auth_required';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}

/** Reads a failed response into a `BridgeError`, trusting the body only when it has our shape. */
export async function toBridgeError(response: Response): Promise<BridgeError> {
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && 'code' in body && isErrorCode(body.code)) {
      const message = 'message' in body && typeof body.message === 'string' ? body.message : body.code;
      const scopes = 'scopes' in body && Array.isArray(body.scopes) ? body.scopes.filter((scope): scope is string => typeof scope === 'string') : [];
      const authority = 'authority' in body && typeof body.authority === 'string' ? body.authority : undefined;
      return new BridgeError(body.code, message, response.status, { scopes, ...(authority ? { authority } : {}) });
    }
  } catch {
    // Not JSON: the status decides.
  }
  return new BridgeError(codeForStatus(response.status), `the bridge answered ${response.status} ${response.statusText}`.trim(), response.status);
}
