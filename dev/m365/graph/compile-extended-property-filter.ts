import type { StoredExtendedProperty } from './contact-record';
import { parseExtendedPropertyId } from './extended-property-id';
import { type Comparison, invalidFilter } from './parse-odata-filter';

/** Value matching is case-insensitive for extended properties and email addresses (Graph reference). */
export function compareText(actual: string | null | undefined, comparison: Comparison): boolean {
  const left = (actual ?? '').toLowerCase();
  const right = comparison.value.toLowerCase();
  switch (comparison.operator) {
    case 'eq':
      return actual != null && left === right;
    case 'ne':
      return actual == null || left !== right;
    case 'contains':
      return actual != null && left.includes(right);
    case 'startswith':
      return actual != null && left.startsWith(right);
  }
}

/**
 * `singleValueExtendedProperties/any(ep: ep/id eq '…' [and ep/value op '…'])` over an item's
 * stored properties: the id must be named exactly once, with `eq`.
 */
export function compileExtendedPropertyFilter(
  conditions: readonly Comparison[],
): (properties: ReadonlyMap<string, StoredExtendedProperty>) => boolean {
  const idConditions = conditions.filter((condition) => condition.path === 'id');
  const idCondition = idConditions[0];
  if (idConditions.length !== 1 || idCondition?.operator !== 'eq') throw invalidFilter();
  const propertyId = parseExtendedPropertyId(idCondition.value);
  const valueConditions = conditions.filter((condition) => condition !== idCondition);
  if (!propertyId || valueConditions.some((condition) => condition.path !== 'value')) throw invalidFilter();
  return (properties) => {
    const property = properties.get(propertyId.key);
    return property !== undefined && valueConditions.every((condition) => compareText(property.value, condition));
  };
}
