import { describeFetchFailure } from './describe-fetch-failure';
import type { DoctorCheck } from './doctor-check';
import type { DoctorFetch } from './doctor-fetch';

/**
 * The bridge's public URL answers `/healthz` over HTTPS with a certificate the system trusts: Graph
 * delivers change notifications there and Outlook loads the add-in from it.
 */
export async function checkPublicUrl(publicUrl: string | undefined, fetch: DoctorFetch): Promise<DoctorCheck> {
  if (!publicUrl) {
    return {
      name: 'public-url', status: 'warn', message: 'server.publicUrl is not set: Outlook and Graph’s change notifications need the bridge’s public HTTPS address.',
      fix: 'Set server.publicUrl to the https:// address users and Microsoft reach the bridge at.',
    };
  }
  if (!publicUrl.startsWith('https://')) {
    return { name: 'public-url', status: 'fail', message: `server.publicUrl (${publicUrl}) is not HTTPS.`, fix: 'Serve the bridge behind HTTPS and set server.publicUrl to its https:// address.' };
  }
  const url = `${publicUrl.replace(/\/+$/, '')}/healthz`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (response.ok) return { name: 'public-url', status: 'ok', message: `${url} answers over HTTPS.` };
    return { name: 'public-url', status: 'fail', message: `${url} answered ${response.status}.`, fix: 'Check that the reverse proxy forwards this address to the bridge.' };
  } catch (error) {
    return {
      name: 'public-url', status: 'fail', message: `${url} cannot be reached: ${describeFetchFailure(error)}.`,
      fix: 'Check DNS, the firewall and the certificate of the public address (it must be valid for public clients, not self-signed).',
    };
  }
}
