import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSearchText } from '../../../server/erp/fold-search-text';

describe('foldSearchText', () => {
  it('drops accents and case from Spanish and French names', () => {
    expect(foldSearchText('José Núñez')).toBe('jose nunez');
    expect(foldSearchText('FRANÇOISE Lefèvre')).toBe('francoise lefevre');
    expect(foldSearchText('Ñandú Señor')).toBe('nandu senor');
    expect(foldSearchText('Étienne Gagnon-Côté')).toBe('etienne gagnon-cote');
  });

  it('folds a name and any prefix of it alike, so prefix search is exact', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aeñçÉÜ óàB-'.split('')) }), fc.nat(), (name, cut) => {
        const prefix = name.slice(0, cut % (name.length + 1));
        expect(foldSearchText(name).startsWith(foldSearchText(prefix))).toBe(true);
      }),
    );
  });
});
