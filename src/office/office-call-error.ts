/** An Office.js call that failed; `code` is Office's number (for example 13002, 12006). */
export class OfficeCallError extends Error {
  override readonly name = 'OfficeCallError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Office errors arrive as plain objects with a numeric `code`; anything else keeps code 0. */
export function toOfficeCallError(error: unknown): OfficeCallError {
  if (error instanceof OfficeCallError) return error;
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = Number(error.code);
    const message = 'message' in error && typeof error.message === 'string' ? error.message : `Office error ${String(error.code)}`;
    return new OfficeCallError(Number.isFinite(code) ? code : 0, message);
  }
  return new OfficeCallError(0, error instanceof Error ? error.message : String(error));
}
