/**
 * A single-value extended property id, e.g. `String {66f5a359-4659-4830-9070-00047ec6ac6e} Name ErpId`.
 * `key` compares ids the way Exchange does: type, GUID and `Id` tags ignore case, a `Name` keeps it.
 */
export interface ExtendedPropertyId {
  id: string;
  key: string;
}

const namedOrNumbered = /^(\w+)\s+\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}\s+(name|id)\s+(\S.*)$/i;
const propertyTag = /^(\w+)\s+(0x[0-9a-f]{4,8})$/i;

export function parseExtendedPropertyId(id: string): ExtendedPropertyId | undefined {
  const trimmed = id.trim();
  const named = namedOrNumbered.exec(trimmed);
  if (named) {
    const [, type = '', guid = '', kind = '', name = ''] = named;
    const isName = kind.toLowerCase() === 'name';
    const key = `${type.toLowerCase()} {${guid.toLowerCase()}} ${kind.toLowerCase()} ${isName ? name : name.toLowerCase()}`;
    return { id: trimmed, key };
  }
  const tagged = propertyTag.exec(trimmed);
  if (tagged) {
    const [, type = '', tag = ''] = tagged;
    return { id: trimmed, key: `${type.toLowerCase()} ${tag.toLowerCase()}` };
  }
  return undefined;
}
