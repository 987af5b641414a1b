import { describeFetchFailure } from './describe-fetch-failure';
import type { DoctorFetch } from './doctor-fetch';

export interface PasswordCredentialDates {
  hint: string | null;
  endDateTime: string | null;
}

/** The registration's secrets as Graph shows them, or why they could not be read. */
export type PasswordCredentialsReading =
  | { kind: 'read'; credentials: PasswordCredentialDates[] }
  | { kind: 'denied' }
  | { kind: 'failed'; reason: string }
  | { kind: 'skipped'; reason: string };

/**
 * `GET /applications(appId='…')?$select=passwordCredentials` with the app's own token; Graph
 * answers 403 unless the app holds Application.Read.All.
 */
export async function readPasswordCredentials(fetch: DoctorFetch, graphBaseUrl: string, applicationId: string, accessToken: string): Promise<PasswordCredentialsReading> {
  const url = `${graphBaseUrl.replace(/\/+$/, '')}/applications(appId='${encodeURIComponent(applicationId)}')?$select=passwordCredentials`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    return { kind: 'failed', reason: `Microsoft Graph cannot be reached: ${describeFetchFailure(error)}` };
  }
  if (response.status === 403) return { kind: 'denied' };
  if (!response.ok) return { kind: 'failed', reason: `Microsoft Graph answered ${response.status} to ${url}` };
  const body = (await response.json()) as { passwordCredentials?: PasswordCredentialDates[] };
  return { kind: 'read', credentials: body.passwordCredentials ?? [] };
}
