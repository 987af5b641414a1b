import { StoreError } from './store-error';

/** Writes a JSON column; `undefined` becomes SQL NULL so it stays distinct from JSON `null`. */
export function toJsonColumn(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Reads a JSON column; `where` names the row in the error, e.g. `run 42 report`. */
export function readJsonColumn(text: string | null, where: string): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StoreError('corrupt_record', `${where} is not valid JSON`, { cause: error });
  }
}

/** Reads a JSON column that must hold an object (snapshots, reports, audit details). */
export function readJsonObjectColumn(text: string, where: string): Record<string, unknown> {
  const value = readJsonColumn(text, where);
  if (!isRecord(value)) throw new StoreError('corrupt_record', `${where} is not a JSON object`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
