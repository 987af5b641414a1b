import { invalidQuery } from './graph-error';

export interface QueryOptions {
  top?: number;
  skip?: number;
  select?: string;
  filter?: string;
  expand?: string;
  skipToken?: string;
  deltaToken?: string;
}

const optionNames = {
  $top: 'top',
  $skip: 'skip',
  $select: 'select',
  $filter: 'filter',
  $expand: 'expand',
  $skiptoken: 'skipToken',
  $deltatoken: 'deltaToken',
} as const;

type OptionName = keyof typeof optionNames;

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(optionNames, name);
}

function nonNegativeInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw invalidQuery(`The value '${value}' of the query option '${name}' is not a non-negative integer.`);
  return Number(value);
}

/**
 * Reads the OData system query options of a request; option names ignore case as in Graph.
 * An option the endpoint does not support is refused with 400 instead of being silently ignored,
 * so a client never believes it got an ordered or counted answer that it did not get.
 */
export function readQueryOptions(url: URL, allowed: readonly OptionName[]): QueryOptions {
  const options: QueryOptions = {};
  for (const [rawName, value] of url.searchParams) {
    const name = rawName.toLowerCase();
    if (!name.startsWith('$')) continue;
    if (!isOptionName(name) || !allowed.includes(name)) {
      throw invalidQuery(`The query option '${rawName}' is not supported on this resource by the emulator.`);
    }
    const key = optionNames[name];
    if (key === 'top' || key === 'skip') options[key] = nonNegativeInteger(rawName, value);
    else options[key] = value;
  }
  return options;
}
