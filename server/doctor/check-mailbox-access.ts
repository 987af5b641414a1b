import type { DoctorCheck } from './doctor-check';
import type { FolderProbe } from './probe-contact-folders';

/** Every synced mailbox answers the bridge; a 403 is a mailbox out of the app's RBAC for Applications scope. */
export function checkMailboxAccess(mode: 'app-only' | 'delegated', probes: readonly FolderProbe[]): DoctorCheck {
  const denied = probes.filter((probe) => probe.outcome === 'access-denied').map((probe) => probe.email);
  const unconnected = probes.filter((probe) => probe.outcome === 'not-connected').map((probe) => probe.email);
  const failed = probes.filter((probe) => probe.outcome === 'failed');
  if (denied.length > 0) {
    return {
      name: 'mailbox-access', status: 'fail', message: `Microsoft Graph refuses access (403 ErrorAccessDenied) to the mailbox of ${denied.join(', ')}.`,
      fix: mode === 'app-only'
        ? 'Add these mailboxes to the management scope of the app’s RBAC for Applications role assignment in Exchange Online (Test-ServicePrincipalAuthorization shows what is in scope).'
        : 'These users turn sync on again in the add-in’s Settings, so the bridge gets a new grant for them.',
    };
  }
  if (failed.length > 0) {
    return { name: 'mailbox-access', status: 'warn', message: `Could not probe ${failed.map((probe) => `${probe.email} (${probe.detail ?? 'unknown error'})`).join(', ')}.` };
  }
  if (unconnected.length > 0) {
    return {
      name: 'mailbox-access', status: 'warn', message: `Sync is on but has no sign-in to act with for ${unconnected.join(', ')}.`,
      fix: 'These users open the add-in and turn sync on again in Settings.',
    };
  }
  if (probes.length === 0) return { name: 'mailbox-access', status: 'ok', message: 'No mailbox syncs yet: nothing to probe.' };
  return { name: 'mailbox-access', status: 'ok', message: `All ${probes.length} synced mailboxes answer.` };
}
