import type { Address } from '../../../src/domain/erp-records';
import { emptyToNull } from '../empty-to-null';
import { omitUndefined } from '../omit-undefined';

interface AddressColumns {
  street: string | null;
  city: string | null;
  postal_code: string | null;
  state: string | null;
  country_or_region: string | null;
}

/** The address of a row, or `undefined` when every part is empty. */
export function addressFromColumns(row: AddressColumns): Address | undefined {
  const address = omitUndefined({
    street: row.street ?? undefined,
    city: row.city ?? undefined,
    postalCode: row.postal_code ?? undefined,
    state: row.state ?? undefined,
    countryOrRegion: row.country_or_region ?? undefined,
  });
  return Object.keys(address).length ? address : undefined;
}

/** Columns for an address; a missing or empty part is stored as NULL. */
export function addressToColumns(address: Address | undefined): AddressColumns {
  return {
    street: emptyToNull(address?.street),
    city: emptyToNull(address?.city),
    postal_code: emptyToNull(address?.postalCode),
    state: emptyToNull(address?.state),
    country_or_region: emptyToNull(address?.countryOrRegion),
  };
}
