import { parseExtendedPropertyId } from './extended-property-id';
import { invalidRequestBody } from './graph-error';

export interface ExtendedPropertyInput {
  key: string;
  id: string;
  value: string;
}

/** Validates `singleValueExtendedProperties` of a create or PATCH body (contacts and events). */
export function parseExtendedProperties(properties: readonly { id: string; value: string }[]): ExtendedPropertyInput[] {
  return properties.map((property) => {
    const parsedId = parseExtendedPropertyId(property.id);
    if (!parsedId) throw invalidRequestBody(`The extended property id '${property.id}' is not in a supported format.`);
    return { ...parsedId, value: property.value };
  });
}
