import { describe, expect, it } from 'vitest';
import { idParameter, instantParameter, readBoolean, readDate, readInstant } from '../../../../server/erp/sql/sql-column-values';

describe('reading and writing ERP column values', () => {
  it('reads instants as drivers and old ERPs give them', () => {
    expect(readInstant('2026-01-05 09:00:00.123456+00')).toBe('2026-01-05T09:00:00.123Z');
    expect(readInstant('2026-01-05 09:00:00+05:30')).toBe('2026-01-05T03:30:00.000Z');
    expect(readInstant('2026-01-05 09:00:00-0330')).toBe('2026-01-05T12:30:00.000Z');
    expect(readInstant('2026-01-05 09:00:00')).toBe('2026-01-05T09:00:00.000Z');
    expect(readInstant(new Date('2026-01-05T09:00:00Z'))).toBe('2026-01-05T09:00:00.000Z');
    expect(readInstant(1_767_603_600)).toBe('2026-01-05T09:00:00.000Z');
    expect(readInstant(1_767_603_600_000)).toBe('2026-01-05T09:00:00.000Z');
    expect(readInstant('not a date')).toBeUndefined();
    expect(readInstant(null)).toBeUndefined();
  });

  it('writes instants each dialect sorts and parses', () => {
    expect(instantParameter('postgres', '2026-01-05T10:00:00+01:00')).toBe('2026-01-05T09:00:00.000Z');
    expect(instantParameter('sqlite', '2026-01-05T10:00:00+01:00')).toBe('2026-01-05 09:00:00.000');
  });

  it('reads dates, flags and keys', () => {
    expect(readDate('2026-03-12')).toBe('2026-03-12');
    expect(readDate('2026-03-12 00:00:00')).toBe('2026-03-12');
    expect([true, 1, '1', 'O', 'oui', 'Sí', 't'].map(readBoolean)).toEqual(Array(7).fill(true));
    expect([false, 0, '0', 'N', 'non', null, 'f'].map(readBoolean)).toEqual(Array(7).fill(false));
    expect(idParameter({ column: 'id', type: 'integer', generated: 'database' }, '42')).toBe(42);
    expect(idParameter({ column: 'id', type: 'integer', generated: 'database' }, '4 2')).toBeUndefined();
    expect(idParameter({ column: 'id', type: 'string', generated: 'uuid' }, 'C-0042')).toBe('C-0042');
  });
});
