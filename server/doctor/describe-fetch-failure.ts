/**
 * Why a request got no answer, in words an admin can act on: name lookup, refused connection,
 * certificate or timeout. Node's fetch hides the system error in `cause`.
 */
export function describeFetchFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  const message = cause instanceof Error ? cause.message : String(cause);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name does not resolve (${code})`;
  if (code === 'ECONNREFUSED') return 'nothing listens there (connection refused)';
  if (code === 'ECONNRESET') return 'the connection was reset';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) return `its TLS certificate is not trusted (${code})`;
  if (code === 'ETIMEDOUT' || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))) return 'no answer in time';
  return code ? `${message} (${code})` : message;
}
