import type { FolderDeltaRound } from './outlook-contact-folder';

/**
 * Whether a delta round taken after a run's writes holds anything but what the run saw or wrote:
 * `known` gives the change key of an item the run listed or wrote, null once removed, else undefined.
 * Only then may the next run start past these changes and stay quiet.
 */
export function hasForeignOutlookChanges(round: FolderDeltaRound, known: (outlookId: string) => string | null | undefined): boolean {
  for (const [id, changeKey] of round.changed) if (known(id) !== changeKey) return true;
  // An item the run never saw that is gone again changes nothing the run planned against.
  for (const id of round.removed) {
    const changeKey = known(id);
    if (changeKey !== undefined && changeKey !== null) return true;
  }
  return false;
}
