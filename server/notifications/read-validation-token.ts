import { ApiError } from '../http/api-error';

/** Graph's tokens are about 100 characters; anything far longer is not Graph. */
export const maximumValidationTokenLength = 1024;
/** Printable text without markup characters: what Graph sends (`Validation: Testing client application reachability …`). */
const plainText = /^[\x20-\x7e]+$/;
const markup = /[<>&"'`]/;

/**
 * The decoded `validationToken` of a validation request, to echo as `text/plain`; refuses what
 * Graph never sends, so the endpoint reflects no markup and no large text: an empty or overlong
 * token, control or markup characters, or a request that also carries a body.
 */
export function readValidationToken(token: string, bodyText: string): string {
  if (bodyText.trim() !== '') throw new ApiError('invalid_input', 400, 'a validation request carries no body');
  if (token.length === 0 || token.length > maximumValidationTokenLength) {
    throw new ApiError('invalid_input', 400, `validationToken must be 1 to ${maximumValidationTokenLength} characters`);
  }
  if (!plainText.test(token) || markup.test(token)) throw new ApiError('invalid_input', 400, 'validationToken must be plain printable text without markup');
  return token;
}
