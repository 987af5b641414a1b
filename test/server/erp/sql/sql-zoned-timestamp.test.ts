import { describe, expect, it } from 'vitest';
import { readSqlTimestamp, sqlTimestampParameter } from '../../../../server/erp/sql/sql-zoned-timestamp';

describe('a modification column holding Madrid wall-clock time', () => {
  it('reads winter and summer times with their own offset', () => {
    expect(readSqlTimestamp('2026-01-15 10:30:00', 'Europe/Madrid')).toBe('2026-01-15T09:30:00.000Z');
    expect(readSqlTimestamp('2026-07-15 10:30:00.123456', 'Europe/Madrid')).toBe('2026-07-15T08:30:00.123Z');
  });

  it('reads a time the spring change skips as the hour after, and the repeated autumn hour as its first pass', () => {
    expect(readSqlTimestamp('2026-03-29 02:30:00', 'Europe/Madrid')).toBe('2026-03-29T01:30:00.000Z');
    expect(readSqlTimestamp('2026-10-25 02:30:00', 'Europe/Madrid')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('writes an instant as the wall clock of the zone, without offset', () => {
    expect(sqlTimestampParameter('postgres', new Date('2026-07-01T10:00:00.500Z'), 'Europe/Madrid')).toBe('2026-07-01 12:00:00.500');
    expect(sqlTimestampParameter('sqlite', new Date('2026-10-25T01:30:00Z'), 'Europe/Madrid')).toBe('2026-10-25 02:30:00.000');
  });

  it('leaves a value with an offset, and columns without a zone, as they were read before', () => {
    expect(readSqlTimestamp('2026-01-15 10:30:00+00', 'Europe/Madrid')).toBe('2026-01-15T10:30:00.000Z');
    expect(readSqlTimestamp('2026-01-15 10:30:00', undefined)).toBe('2026-01-15T10:30:00.000Z');
    expect(sqlTimestampParameter('postgres', new Date('2026-01-15T10:30:00Z'), undefined)).toBe('2026-01-15T10:30:00.000Z');
  });
});
