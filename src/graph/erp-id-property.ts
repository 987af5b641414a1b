import type { NullableOption, SingleValueLegacyExtendedProperty } from '@microsoft/microsoft-graph-types';
import { odataString } from './odata-query';

/**
 * The single-value extended property that ties an Outlook contact or event to its ERP record (DESIGN §5). The
 * GUID is this product's property set; never change it, or items already synced lose their link.
 */
export const erpIdPropertyId = 'String {3f0b6f3e-8d4a-4c1e-9b67-5a2e1c7d9f40} Name ErpId';

/** An ERP record in one environment of the bridge: the property's value is `<environment>:<erpId>`. */
export interface ErpKey {
  environment: string;
  erpId: string;
}

export function formatErpIdValue(key: ErpKey): string {
  return `${key.environment}:${key.erpId}`;
}

/** Reads `<environment>:<erpId>`; ERP ids may hold colons, environments do not. */
export function parseErpIdValue(value: string): ErpKey | undefined {
  const separator = value.indexOf(':');
  if (separator <= 0 || separator === value.length - 1) return undefined;
  return { environment: value.slice(0, separator), erpId: value.slice(separator + 1) };
}

/** `$expand` that makes Graph write the property on each contact or event (it is never listed otherwise). */
export const expandErpId = `singleValueExtendedProperties($filter=id eq ${odataString(erpIdPropertyId)})`;

/** The ERP key an item (contact, event) read with `expandErpId` carries, if it is one of ours. */
export function readErpKey(item: { singleValueExtendedProperties?: NullableOption<SingleValueLegacyExtendedProperty[]> }): ErpKey | undefined {
  const property = item.singleValueExtendedProperties?.find((candidate) => candidate.id?.toLowerCase() === erpIdPropertyId.toLowerCase());
  return typeof property?.value === 'string' ? parseErpIdValue(property.value) : undefined;
}
