import type { ContactRecord } from './contact-record';
import { compareText as compare, compileExtendedPropertyFilter } from './compile-extended-property-filter';
import { type Comparison, type FilterExpression, invalidFilter } from './parse-odata-filter';

export type ContactPredicate = (contact: ContactRecord) => boolean;

function extendedPropertyPredicate(conditions: readonly Comparison[]): ContactPredicate {
  const matches = compileExtendedPropertyFilter(conditions);
  return (contact) => matches(contact.extendedProperties);
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
