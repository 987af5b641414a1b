export const storeErrorCodes = [
  /** A row does not match its schema (hand edit, bad migration); only the read that met it fails. */
  'corrupt_record',
  /** The store was opened without the token-cache key. */
  'encryption_key_missing',
  /** A token-cache blob was encrypted with another key or altered: the user must sign in again. */
  'token_unreadable',
  /** A per-user row was written before `users.upsert` created the user. */
  'unknown_user',
  /** A value the store cannot keep as given (a date that is not ISO 8601, a bad page size, a bad key). */
  'invalid_input',
  /** The store URL is neither `sqlite:<file>` nor `postgres://…`. */
  'unsupported_url',
  'migration_failed',
] as const;

export type StoreErrorCode = (typeof storeErrorCodes)[number];

/** The one error type of the store boundary; `code` says what the caller can do about it. */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
