import { describe, expect, it } from 'vitest';
import { joinSqlFullName, splitSqlFullName } from '../../../../server/erp/sql/sql-full-name';

describe('a full-name column', () => {
  it("splits 'surname, given' at the first comma and reads a name without one as a given name", () => {
    expect(splitSqlFullName('surname, given', 'García López, Ana María')).toEqual({ givenName: 'Ana María', surname: 'García López' });
    expect(splitSqlFullName('surname, given', 'GARCÍA,ANA')).toEqual({ givenName: 'ANA', surname: 'GARCÍA' });
    expect(splitSqlFullName('surname, given', 'Jordi')).toEqual({ givenName: 'Jordi', surname: undefined });
    expect(splitSqlFullName('surname, given', 'Puig,')).toEqual({ givenName: undefined, surname: 'Puig' });
  });

  it("joins 'surname, given' so that it splits back into the same names", () => {
    for (const [givenName, surname] of [['Ana María', 'García López'], ['Jordi', undefined], [undefined, 'Puig'], ['李', '王']] as const) {
      const cell = joinSqlFullName('surname, given', givenName, surname) ?? undefined;
      expect(splitSqlFullName('surname, given', cell)).toEqual({ givenName, surname });
    }
    expect(joinSqlFullName('surname, given', undefined, undefined)).toBeNull();
  });

  it("reads 'given surname' with the last word as the surname", () => {
    expect(splitSqlFullName('given surname', 'Ana María García')).toEqual({ givenName: 'Ana María', surname: 'García' });
    expect(joinSqlFullName('given surname', 'Ana María', 'García')).toBe('Ana María García');
  });
});
