/**
 * The shape of a JSON value: every property path down to `depth` with its JSON type, array items
 * merged under `[]`. Two answers have the same shape when they name the same properties with the
 * same types.
 */
export function jsonShape(value: unknown, depth = Infinity, path = '$', shape: Record<string, string> = {}): Record<string, string> {
  if (value === null) {
    shape[path] = 'null';
  } else if (Array.isArray(value)) {
    shape[path] = 'array';
    if (depth > 0) for (const item of value) jsonShape(item, depth - 1, `${path}[]`, shape);
  } else if (typeof value === 'object') {
    shape[path] = 'object';
    if (depth > 0) for (const [name, child] of Object.entries(value)) jsonShape(child, depth - 1, `${path}.${name}`, shape);
  } else {
    shape[path] = typeof value;
  }
  return shape;
}
