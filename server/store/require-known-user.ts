import type { UserKey } from './store';
import { StoreError } from './store-error';

/** better-sqlite3 and pg name a foreign-key violation differently. */
const foreignKeyViolationCodes = new Set(['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']);

/** Runs a per-user write and turns a foreign-key violation into `unknown_user`, naming the user. */
export async function requireKnownUser<T>(key: UserKey, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new StoreError('unknown_user', `user ${key.tenantId}/${key.objectId} does not exist: call users.upsert first`, { cause: error });
    }
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && foreignKeyViolationCodes.has(error.code);
}
