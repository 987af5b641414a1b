import type { EventRecord } from './calendar-record';
import { compareText, compileExtendedPropertyFilter } from './compile-extended-property-filter';
import { type Comparison, type FilterExpression, invalidFilter } from './parse-odata-filter';

export type EventPredicate = (event: EventRecord) => boolean;

const filterableProperties = {
  subject: (event: EventRecord) => event.fields.subject,
  icaluid: (event: EventRecord) => event.iCalUId,
  transactionid: (event: EventRecord) => event.fields.transactionId,
  sensitivity: (event: EventRecord) => event.fields.sensitivity,
  showas: (event: EventRecord) => event.fields.showAs,
  importance: (event: EventRecord) => event.fields.importance,
} as const;

function isFilterableProperty(path: string): path is keyof typeof filterableProperties {
  return Object.hasOwn(filterableProperties, path);
}

function propertyPredicate(comparison: Comparison): EventPredicate {
  if (!isFilterableProperty(comparison.path)) throw invalidFilter();
  const read = filterableProperties[comparison.path];
  return (event) => compareText(read(event), comparison);
}

/** `categories/any(c: c eq 'ERP')`: one `eq` on the category itself. */
function categoryPredicate(conditions: readonly Comparison[]): EventPredicate {
  const [condition] = conditions;
  if (conditions.length !== 1 || condition?.path !== '' || condition.operator !== 'eq') throw invalidFilter();
  return (event) => event.fields.categories.some((category) => compareText(category, condition));
}

/**
 * Turns a parsed `$filter` on events into a predicate: extended properties (as for contacts),
 * categories, and text comparisons on a few properties. Anything else is 400, before any event is read.
 */
export function compileEventFilter(filter: FilterExpression): EventPredicate {
  switch (filter.kind) {
    case 'and': {
      const operands = filter.operands.map(compileEventFilter);
      return (event) => operands.every((operand) => operand(event));
    }
    case 'comparison':
      return propertyPredicate(filter.comparison);
    case 'any': {
      if (filter.collection === 'categories') return categoryPredicate(filter.conditions);
      if (filter.collection !== 'singlevalueextendedproperties') throw invalidFilter();
      const matches = compileExtendedPropertyFilter(filter.conditions);
      return (event) => matches(event.extendedProperties);
    }
  }
}
