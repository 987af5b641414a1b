import type { FolderDeltaRound } from './outlook-contact-folder';

/**
 * Whether a delta round taken after a run's writes holds anything but what the run saw or wrote:
 * `known` maps the ids the run listed or wrote to their change key, or to null once removed.
 * Only then may the next run start past these changes and stay quiet.
 */
export function hasForeignOutlookChanges(round: FolderDeltaRound, known: ReadonlyMap<string, string | null>): boolean {
  for (const [id, changeKey] of round.changed) if (known.get(id) !== changeKey) return true;
  // An item the run never saw that is gone again changes nothing the run planned against.
  for (const id of round.removed) if (known.has(id) && known.get(id) !== null) return true;
  return false;
}
