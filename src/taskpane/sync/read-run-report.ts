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
  /** False when contacts are off for the mailbox and the run synced only its actions (the counts above are then zero). */
  contactsSynced: boolean;
  /** What each action collection the run synced did. */
  collections: { events?: CollectionResult; tasks?: CollectionResult };
}

/** One action collection's part of a run (the server's `ActionCollectionReport`). */
export interface CollectionResult {
  /** Items created, updated or removed in Outlook. */
  outlookChanges: number;
  /** Actions created or updated in the ERP. */
  erpChanges: number;
  failedOperations: number;
  /** Set when this collection stopped. */
  failure?: { code: string; message: string };
}

/** The `report` of a finished mailbox run (the server's `MailboxRunReport`); undefined while there is none. */
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
  const failure = readFailure(report.failure);
  const collections = asRecord(report.collections);
  return {
    applied: asNumber(report.applied),
    failedOperations: Math.max(asNumber(report.failedOperations), failures.length),
    failures,
    skipped: asNumber(report.skipped),
    heldRemovals: asArray(report.heldRemovals).length,
    duplicatesLeftAlone: asNumber(asRecord(report.planned).duplicatesLeftAlone),
    ...(report.folderChange === undefined ? {} : { folderChange: { moved: asNumber(asRecord(report.folderChange).moved), left: asNumber(asRecord(report.folderChange).left) } }),
    ...(failure ? { failure } : {}),
    contactsSynced: report.contactsSynced !== false,
    collections: {
      ...(collections.events === undefined ? {} : { events: readCollection(collections.events) }),
      ...(collections.tasks === undefined ? {} : { tasks: readCollection(collections.tasks) }),
    },
  };
}

function readCollection(value: unknown): CollectionResult {
  const collection = asRecord(value);
  const applied = asRecord(collection.applied);
  const failure = readFailure(collection.failure);
  return {
    outlookChanges: asNumber(applied.outlookCreated) + asNumber(applied.outlookUpdated) + asNumber(applied.outlookRemoved),
    erpChanges: asNumber(applied.erpCreated) + asNumber(applied.erpUpdated),
    failedOperations: asNumber(collection.failedOperations),
    ...(failure ? { failure } : {}),
  };
}

function readFailure(value: unknown): { code: string; message: string } | undefined {
  const failure = asRecord(value);
  const code = asString(failure.code);
  return code ? { code, message: asString(failure.message) ?? '' } : undefined;
}
