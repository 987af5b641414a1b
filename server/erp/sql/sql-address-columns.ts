import type { Address } from '../../../src/domain/erp-records';
import { emptyToNull } from '../empty-to-null';
import { omitUndefined } from '../omit-undefined';
import { readText } from './sql-column-values';
import type { SqlAddressMapping } from './sql-erp-mapping';

const parts = ['street', 'city', 'postalCode', 'state', 'countryOrRegion'] as const;

/** Select aliases (`street`, `city`, …) for the mapped address columns. */
export function addressColumns(mapping: SqlAddressMapping | undefined): Record<string, string | undefined> {
  return Object.fromEntries(parts.map((part) => [part, mapping?.[part]]));
}

/** Values for the mapped address columns: a part the address leaves out is cleared, as the whole address is replaced. */
export function addressValues(mapping: SqlAddressMapping | undefined, address: Address): Record<string, string | null> {
  return Object.fromEntries(parts.flatMap((part) => (mapping?.[part] ? [[mapping[part], emptyToNull(address[part])]] : [])));
}

/** The address of a row selected with `addressColumns`, or `undefined` when every part is empty. */
export function readAddress(row: Record<string, unknown>): Address | undefined {
  const address = omitUndefined(Object.fromEntries(parts.map((part) => [part, readText(row[part])])));
  return Object.keys(address).length ? address : undefined;
}
