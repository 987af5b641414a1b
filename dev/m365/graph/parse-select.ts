import { GraphError } from './graph-error';

/**
 * Resolves `$select` names (they ignore case) to the type's property names; an unknown name is
 * Graph's 400 `RequestBroker--ParseUri`.
 */
export function parseSelect(select: string | undefined, propertyNames: readonly string[], typeName: string): string[] | undefined {
  if (select === undefined || select.trim() === '') return undefined;
  const byLowerCase = new Map(propertyNames.map((name) => [name.toLowerCase(), name]));
  return select.split(',').map((raw) => {
    const name = byLowerCase.get(raw.trim().toLowerCase());
    if (!name) {
      throw new GraphError(400, 'RequestBroker--ParseUri', `Could not find a property named '${raw.trim()}' on type 'microsoft.graph.${typeName}'.`);
    }
    return name;
  });
}
