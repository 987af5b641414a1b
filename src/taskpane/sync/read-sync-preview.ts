import { asArray, asNumber, asRecord, asString } from './read-json';

/** The kinds of change a preview counts, in the order the pane lists them. */
export const previewKinds = ['createInOutlook', 'updateInOutlook', 'updateInErp', 'removeFromOutlook', 'suppress', 'conflict', 'adopt', 'deduplicate', 'unchanged'] as const;
export type PreviewKind = (typeof previewKinds)[number];

export interface SyncPreview {
  /** Kinds with at least one contact, in `previewKinds` order. */
  counts: { kind: PreviewKind; count: number; examples: string[] }[];
  /** Removals the mass-removal guard would hold until the user confirms. */
  heldRemovals: number;
  needsConfirmation: boolean;
  /** The next run first moves (or leaves) this many contacts synced into the previous folder. */
  folderChange?: { mode: 'move' | 'leave'; contacts: number };
}

/**
 * The sync service's dry run (`{ counts, samples, heldRemovals, needsConfirmation }`), as the pane
 * shows it: how many contacts of each kind, with a few names for each.
 */
export function readSyncPreview(value: unknown): SyncPreview {
  const preview = asRecord(value);
  const counts = asRecord(preview.counts);
  const samples = asRecord(preview.samples);
  const nameOf = (sample: unknown) => {
    const record = asRecord(sample);
    return asString(record.displayName) ?? asString(record.erpId) ?? '';
  };
  return {
    counts: previewKinds
      .map((kind) => ({ kind, count: asNumber(counts[kind]), examples: asArray(samples[kind]).map(nameOf).filter(Boolean) }))
      .filter((entry) => entry.count > 0),
    heldRemovals: asNumber(counts.heldRemovals) || asArray(preview.heldRemovals).length,
    needsConfirmation: preview.needsConfirmation === true,
    ...(preview.folderChange === undefined ? {} : { folderChange: { mode: asRecord(preview.folderChange).mode === 'leave' ? 'leave' : 'move', contacts: asNumber(asRecord(preview.folderChange).contacts) } }),
  };
}
