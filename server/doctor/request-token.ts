import { describeFetchFailure } from './describe-fetch-failure';
import type { DoctorFetch } from './doctor-fetch';

/** What the token endpoint did with one request: no answer, a refusal with Entra's codes, or a token. */
export type TokenOutcome =
  | { kind: 'unreachable'; reason: string }
  | { kind: 'refused'; status: number; error: string; codes: number[]; description: string; suberror?: string; date?: Date }
  | { kind: 'issued'; accessToken: string; date?: Date };

interface TokenAnswer {
  access_token?: string;
  error?: string;
  error_description?: string;
  error_codes?: number[];
  suberror?: string;
}

/**
 * Posts one form to the tenant's v2 token endpoint and keeps what the checks read: Entra's
 * `error_codes` (AADSTS numbers), the token, and the answer's `Date` header.
 */
export async function requestToken(fetch: DoctorFetch, authority: string, tenantId: string, form: Record<string, string>, timeoutMs = 15_000): Promise<TokenOutcome> {
  const url = `${authority.replace(/\/+$/, '')}/${tenantId}/oauth2/v2.0/token`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { kind: 'unreachable', reason: `${url}: ${describeFetchFailure(error)}` };
  }
  const dateHeader = response.headers.get('date');
  const date = dateHeader && !Number.isNaN(Date.parse(dateHeader)) ? new Date(dateHeader) : undefined;
  const body = (await response.json().catch(() => ({}))) as TokenAnswer;
  if (response.ok && body.access_token) return { kind: 'issued', accessToken: body.access_token, ...(date ? { date } : {}) };
  if (!body.error) return { kind: 'unreachable', reason: `${url} answered ${response.status} without an OAuth answer: it is not an Entra token endpoint` };
  return {
    kind: 'refused', status: response.status, error: body.error, codes: body.error_codes ?? [],
    description: (body.error_description ?? '').split('\r\n')[0] ?? '',
    ...(body.suberror ? { suberror: body.suberror } : {}), ...(date ? { date } : {}),
  };
}
