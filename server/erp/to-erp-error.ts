import { ErpError } from '../../src/domain/erp-port';

/**
 * Normalises what a database driver throws into the port's one error type: constraint and data
 * errors are the caller's input (`invalid_input`); anything else means the ERP cannot serve us now.
 */
export function toErpError(error: unknown, doing: string): ErpError {
  if (error instanceof ErpError) return error;
  const code = driverErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code && isInputError(code)) return new ErpError('invalid_input', `the ERP refused to ${doing}: ${detail}`, { cause: error });
  return new ErpError('erp_unavailable', `the ERP could not ${doing}: ${detail}`, { cause: error });
}

function driverErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** SQLite constraint codes, and PostgreSQL SQLSTATE classes 22 (data exception) and 23 (integrity constraint). */
function isInputError(code: string): boolean {
  return code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG' || /^2[23][0-9A-Z]{3}$/.test(code);
}
