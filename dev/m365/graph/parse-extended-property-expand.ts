import { parseExtendedPropertyId } from './extended-property-id';
import { invalidQuery } from './graph-error';

const expandPattern = /^singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*(.+)\)$/i;
const idEquals = /^id\s+eq\s+'((?:[^']|'')*)'/i;
const orSeparator = /^\s+or\s+/i;

/**
 * Reads `$expand=singleValueExtendedProperties($filter=id eq '…' or id eq '…')`, the only way
 * Graph returns extended properties; returns the property keys to write on each item.
 */
export function parseExtendedPropertyExpand(expand: string | undefined): ReadonlySet<string> | undefined {
  if (expand === undefined) return undefined;
  const refused = () => invalidQuery(`The $expand '${expand}' is not supported: name singleValueExtendedProperties with a $filter on id.`);
  const match = expandPattern.exec(expand.trim());
  if (!match) throw refused();
  let rest = (match[1] ?? '').trim();
  const keys = new Set<string>();
  while (rest !== '') {
    const term = idEquals.exec(rest);
    const propertyId = term ? parseExtendedPropertyId((term[1] ?? '').replaceAll("''", "'")) : undefined;
    if (!term || !propertyId) throw refused();
    keys.add(propertyId.key);
    rest = rest.slice(term[0].length);
    const separator = orSeparator.exec(rest);
    if (separator) rest = rest.slice(separator[0].length);
    else if (rest.trim() !== '') throw refused();
    else rest = '';
  }
  return keys;
}
