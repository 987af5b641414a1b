import { ErpError } from '../../../src/domain/erp-port';
import type { SqlErpDialect } from './sql-erp-context';
import type { SqlIdMapping } from './sql-erp-mapping';

/**
 * Conversions between what drivers return for an ERP's columns and our record fields. ERPs are
 * old and varied: timestamps come as `Date` (pg), ISO or `YYYY-MM-DD HH:MM:SS` text, or epoch numbers.
 */

/** A key as our records carry it: `42` → `"42"`. */
export function readId(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return typeof value === 'string' ? value.trim() : String(value);
}

/** A key as the ERP's column wants it, or `undefined` when the string cannot be one (no record has it). */
export function idParameter(id: SqlIdMapping, value: string): string | number | undefined {
  if (id.type === 'string') return value;
  if (!/^-?\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

/** Like `idParameter`, for a reference a client sent: an impossible key is their mistake. */
export function referenceParameter(id: SqlIdMapping, value: string, field: string): string | number {
  const parameter = idParameter(id, value);
  if (parameter === undefined) throw new ErpError('invalid_input', `${field} ${value} names no record of the ERP`);
  return parameter;
}

export function readText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** An instant as UTC ISO text; a timestamp without zone is taken as UTC. */
export function readInstant(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint') {
    const number = Number(value);
    // Seconds until the year 5138, milliseconds after 1973: ERPs use both.
    return new Date(number < 1e11 ? number * 1000 : number).toISOString();
  }
  const text = String(value).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T00:00:00Z`).toISOString();
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text);
  if (!match) return undefined;
  const [, date, time, zone] = match;
  // PostgreSQL writes `+00` or `+0530`; JavaScript reads only `+00:00`. No zone means UTC.
  const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '').padEnd(2, '0')}`;
  const instant = Date.parse(`${date}T${time}${offset}`);
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}

/** A calendar date `YYYY-MM-DD`. node-postgres returns DATE columns as local midnight, hence the local getters. */
export function readDate(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) {
    const pad = (number: number) => String(number).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  const match = /^\d{4}-\d{2}-\d{2}/.exec(String(value).trim());
  return match?.[0];
}

const TRUE_TEXTS = new Set(['1', 't', 'true', 'y', 'yes', 'o', 'oui', 's', 'si', 'sí']);

export function readBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value) !== 0;
  if (typeof value === 'string') return TRUE_TEXTS.has(value.trim().toLowerCase());
  return false;
}

/**
 * An instant as the column wants it: ISO with `Z` for PostgreSQL (any timestamp type parses it);
 * SQLite's own `YYYY-MM-DD HH:MM:SS.SSS` in UTC, which sorts as text with `current_timestamp` values.
 */
export function instantParameter(dialect: SqlErpDialect, instant: string | Date): string {
  const iso = new Date(instant).toISOString();
  return dialect === 'postgres' ? iso : iso.replace('T', ' ').replace('Z', '');
}

export function booleanParameter(dialect: SqlErpDialect, value: boolean): boolean | number {
  return dialect === 'postgres' ? value : value ? 1 : 0;
}

/** The version of a row: its version column, else its last change in epoch milliseconds. */
export function readVersion(version: unknown, updatedAt: string | undefined): number {
  if (version !== undefined && version !== null) return Number(version);
  return updatedAt ? Date.parse(updatedAt) : 0;
}
