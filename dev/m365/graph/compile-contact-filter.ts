import type { ContactRecord } from './contact-record';
import { parseExtendedPropertyId } from './extended-property-id';
import { type Comparison, type FilterExpression, invalidFilter } from './parse-odata-filter';

export type ContactPredicate = (contact: ContactRecord) => boolean;

/** Value matching is case-insensitive for extended properties and email addresses (Graph reference). */
function compare(actual: string | null | undefined, comparison: Comparison): boolean {
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

/** `singleValueExtendedProperties/any(ep: ep/id eq '…' [and ep/value op '…'])`: the id must be named exactly once. */
function extendedPropertyPredicate(conditions: readonly Comparison[]): ContactPredicate {
  const idConditions = conditions.filter((condition) => condition.path === 'id');
  const idCondition = idConditions[0];
  if (idConditions.length !== 1 || idCondition?.operator !== 'eq') throw invalidFilter();
  const propertyId = parseExtendedPropertyId(idCondition.value);
  const valueConditions = conditions.filter((condition) => condition !== idCondition);
  if (!propertyId || valueConditions.some((condition) => condition.path !== 'value')) throw invalidFilter();
  return (contact) => {
    const property = contact.extendedProperties.get(propertyId.key);
    return property !== undefined && valueConditions.every((condition) => compare(property.value, condition));
  };
}

/** Graph allows only `eq` on the `address` of `emailAddresses` (List contacts reference). */
function emailAddressPredicate(conditions: readonly Comparison[]): ContactPredicate {
  const [condition] = conditions;
  if (conditions.length !== 1 || condition?.path !== 'address' || condition.operator !== 'eq') throw invalidFilter();
  return (contact) => (contact.fields.emailAddresses ?? []).some((email) => compare(email.address, condition));
}

const filterableTextProperties = {
  displayname: (contact: ContactRecord) => contact.fields.displayName,
  givenname: (contact: ContactRecord) => contact.fields.givenName,
  surname: (contact: ContactRecord) => contact.fields.surname,
  companyname: (contact: ContactRecord) => contact.fields.companyName,
  fileas: (contact: ContactRecord) => contact.fields.fileAs,
} as const;

function isFilterableTextProperty(path: string): path is keyof typeof filterableTextProperties {
  return Object.hasOwn(filterableTextProperties, path);
}

function propertyPredicate(comparison: Comparison): ContactPredicate {
  if (!isFilterableTextProperty(comparison.path)) throw invalidFilter();
  const read = filterableTextProperties[comparison.path];
  return (contact) => compare(read(contact), comparison);
}

/** Turns a parsed `$filter` into a predicate; unsupported nodes fail here, before any contact is read. */
export function compileContactFilter(filter: FilterExpression): ContactPredicate {
  switch (filter.kind) {
    case 'and': {
      const operands = filter.operands.map(compileContactFilter);
      return (contact) => operands.every((operand) => operand(contact));
    }
    case 'comparison':
      return propertyPredicate(filter.comparison);
    case 'any':
      if (filter.collection === 'singlevalueextendedproperties') return extendedPropertyPredicate(filter.conditions);
      if (filter.collection === 'emailaddresses') return emailAddressPredicate(filter.conditions);
      throw invalidFilter();
  }
}
