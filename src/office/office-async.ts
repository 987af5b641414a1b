/// <reference types="office-js" />
import { OfficeCallError } from './office-call-error';

/** Office.js reports through callbacks; this turns one call into a promise that rejects with `OfficeCallError`. */
export function officeAsync<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new OfficeCallError(result.error.code, result.error.message));
    });
  });
}
