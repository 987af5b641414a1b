import { sql, type RawBuilder } from 'kysely';
import type { SqlErpDialect } from './sql-erp-context';
import type { SqlContactsMapping } from './sql-erp-mapping';

type FullNameFormat = NonNullable<SqlContactsMapping['fullName']>['format'];

export interface SplitName {
  givenName: string | undefined;
  surname: string | undefined;
}

/**
 * A full-name cell as given name and surname. `surname, given`: split at the first comma, and a
 * cell without one is a given name only ("Ana"); `given surname`: the last word is the surname.
 */
export function splitSqlFullName(format: FullNameFormat, value: string | undefined): SplitName {
  const part = (text: string | undefined) => text?.trim() || undefined;
  if (value === undefined) return { givenName: undefined, surname: undefined };
  if (format === 'surname, given') {
    const comma = value.indexOf(',');
    return comma < 0 ? { givenName: part(value), surname: undefined } : { givenName: part(value.slice(comma + 1)), surname: part(value.slice(0, comma)) };
  }
  const space = value.trim().lastIndexOf(' ');
  return space < 0 ? { givenName: part(value), surname: undefined } : { givenName: part(value.slice(0, space)), surname: part(value.slice(space + 1)) };
}

/** The cell for a given name and surname, as `splitSqlFullName` reads it back (`García López, Ana`; a surname alone: `García,`). */
export function joinSqlFullName(format: FullNameFormat, givenName: string | undefined, surname: string | undefined): string | null {
  if (!givenName && !surname) return null;
  if (format === 'given surname') return [givenName, surname].filter(Boolean).join(' ');
  if (!surname) return givenName ?? null;
  return givenName ? `${surname}, ${givenName}` : `${surname},`;
}

/** "Given Surname" of a full-name column in SQL, for sorting and search as `readSqlContact` shows the name. */
export function sqlFullNameDisplay(dialect: SqlErpDialect, format: FullNameFormat, cell: RawBuilder<unknown>): RawBuilder<unknown> {
  if (format === 'given surname') return sql`trim(${cell})`;
  const comma = dialect === 'postgres' ? sql`strpos(${cell}, ',')` : sql`instr(${cell}, ',')`;
  return sql`case when ${comma} > 0 then trim(trim(substr(${cell}, ${comma} + 1)) || ' ' || trim(substr(${cell}, 1, ${comma} - 1))) else trim(${cell}) end`;
}
