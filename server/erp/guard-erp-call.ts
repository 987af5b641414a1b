import { toErpError } from './to-erp-error';

/** Runs one port operation so that whatever fails leaves the adapter as an `ErpError`. */
export async function guardErpCall<T>(doing: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toErpError(error, doing);
  }
}
