import type { DoctorCheck } from './doctor-check';
import type { FolderProbe } from './probe-contact-folders';

/** Each user's chosen contact folder still exists (a 404 on its id means it was deleted). */
export function checkContactFolders(probes: readonly FolderProbe[]): DoctorCheck {
  const missing = probes.filter((probe) => probe.outcome === 'folder-missing').map((probe) => probe.email);
  if (missing.length > 0) {
    return {
      name: 'contact-folders', status: 'fail', message: `The contact folder chosen for sync no longer exists for ${missing.join(', ')}.`,
      fix: 'These users choose or create a contact folder again in the add-in’s Settings.',
    };
  }
  const found = probes.filter((probe) => probe.outcome === 'reachable').length;
  return { name: 'contact-folders', status: 'ok', message: found > 0 ? `The ${found} contact folders reached exist.` : 'No contact folder to check.' };
}
