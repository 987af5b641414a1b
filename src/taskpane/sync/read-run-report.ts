import { asArray, asNumber, asRecord, asString } from './read-json';

export interface RunItemFailure {
  erpId: string;
  operation: string;
  code: string;
  message: string;
  /** For a value the ERP refused: the field and the value as typed in Outlook. */
  refused?: { field: string; value: string };
}

export interface RunReport {
  applied: number;
  /** Failed operations in all; `failures` lists the first of them. */
  failedOperations: number;
  failures: RunItemFailure[];
  skipped: number;
  heldRemovals: number;
  /** Copies of synced contacts that someone edited, beside the synced one: never removed as duplicates. */
  duplicatesLeftAlone: number;
  /** The run carried sync to another contact folder: contacts moved there, or left in the old one. */
  folderChange?: { moved: number; left: number };
  /** Set when the whole run stopped (auth, throttling budget, ERP down). */
  failure?: { code: string; message: string };
}

/** The `report` of a finished contacts run (the engine's `ContactRunReport`); undefined while there is none. */
export function readRunReport(report: Record<string, unknown> | undefined): RunReport | undefined {
  if (!report) return undefined;
  const failures = asArray(report.failures).map((entry) => {
    const failure = asRecord(entry);
    const field = asString(failure.field);
    return {
      erpId: asString(failure.erpId) ?? '', operation: asString(failure.operation) ?? '', code: asString(failure.code) ?? '', message: asString(failure.message) ?? '',
      ...(field ? { refused: { field, value: asString(failure.value) ?? '' } } : {}),
    };
  });
  const failure = asRecord(report.failure);
  const code = asString(failure.code);
  return {
    applied: asNumber(report.applied),
    failedOperations: Math.max(asNumber(report.failedOperations), failures.length),
    failures,
    skipped: asNumber(report.skipped),
    heldRemovals: asArray(report.heldRemovals).length,
    duplicatesLeftAlone: asNumber(asRecord(report.planned).duplicatesLeftAlone),
    ...(report.folderChange === undefined ? {} : { folderChange: { moved: asNumber(asRecord(report.folderChange).moved), left: asNumber(asRecord(report.folderChange).left) } }),
    ...(code ? { failure: { code, message: asString(failure.message) ?? '' } } : {}),
  };
}
