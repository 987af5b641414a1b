import type { DoctorCheck } from './doctor-check';
import type { PasswordCredentialsReading } from './read-password-credentials';

const dayMs = 86_400_000;
const warnDays = 30;
const renew = 'Add a new client secret in Entra ID (Certificates & secrets), put its Value where clientSecret points, restart the bridge, then delete the old secret.';

/**
 * When the secret in use stops working. Graph shows each secret's first three characters as
 * `hint`: the one that matches the configured secret is the one in use.
 */
export function checkSecretExpiry(reading: PasswordCredentialsReading, secret: string | undefined, now: Date): DoctorCheck {
  switch (reading.kind) {
    case 'skipped':
      return { name: 'secret-expiry', status: 'warn', message: `Not checked: ${reading.reason}.` };
    case 'denied':
      return {
        name: 'secret-expiry', status: 'warn', message: 'The app cannot read its own registration (Application.Read.All is not granted), so the secret’s end date is unknown.',
        fix: 'Look up the end date under Certificates & secrets in Entra ID, or grant the application permission Application.Read.All to let this check read it.',
      };
    case 'failed':
      return { name: 'secret-expiry', status: 'warn', message: `Not checked: ${reading.reason}.` };
    case 'read': {
      const inUse = reading.credentials.filter((credential) => secret !== undefined && credential.hint === secret.slice(0, 3));
      if (inUse.length === 0) {
        return { name: 'secret-expiry', status: 'warn', message: 'The configured secret is not among the secrets of the registration that Graph lists.', fix: 'Check that clientSecret belongs to this app registration.' };
      }
      // Several secrets may share a hint: the earliest end date is the one to worry about.
      const ends = inUse.map((credential) => credential.endDateTime).filter((end): end is string => end !== null).sort();
      const end = ends[0];
      if (!end) return { name: 'secret-expiry', status: 'ok', message: 'The client secret has no end date.' };
      const days = Math.floor((Date.parse(end) - now.getTime()) / dayMs);
      const date = end.slice(0, 10);
      if (Date.parse(end) <= now.getTime()) return { name: 'secret-expiry', status: 'fail', message: `The client secret expired on ${date}.`, fix: renew };
      if (days < warnDays) return { name: 'secret-expiry', status: 'warn', message: `The client secret expires on ${date}, in ${days} days.`, fix: renew };
      return { name: 'secret-expiry', status: 'ok', message: `The client secret expires on ${date}, in ${days} days.` };
    }
  }
}
