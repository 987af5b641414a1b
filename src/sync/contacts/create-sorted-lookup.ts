import { compareText } from './compare-text';

/** Finds items by key; of items sharing a key, the last one given (as a `Map` filled in order keeps). */
export interface SortedLookup<Item> {
  get(key: string): Item | undefined;
  /** Every item with the key, in the order given. */
  all(key: string): Item[];
  has(key: string): boolean;
  /** How many items were given. */
  readonly size: number;
  /** The items given, by key in code-point order (those sharing a key in the order given). */
  readonly sorted: readonly Item[];
}

/**
 * A lookup over a sorted copy of `items`, searched by halves: at 100,000 contact ids it holds one
 * array of 0.8 MB where a `Map` holds some 3.6 MB, and drops as much again in the tables it
 * outgrows while filled. Lookups take about 17 comparisons instead of one hash.
 *
 * @example createSortedLookup(links, (link) => link.erpId).get('A-1')
 */
export function createSortedLookup<Item>(items: readonly Item[], keyOf: (item: Item) => string): SortedLookup<Item> {
  // Stable: items sharing a key stay in the order given, so the last one is found.
  const sorted = [...items].sort((left, right) => compareText(keyOf(left), keyOf(right)));
  /** The first position whose key is above `key` (`inclusive`: at or above it). */
  const boundOf = (key: string, inclusive: boolean) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = compareText(keyOf(sorted[middle] as Item), key);
      if (order < 0 || (order === 0 && !inclusive)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const get = (key: string) => {
    const item = sorted[boundOf(key, false) - 1];
    return item !== undefined && keyOf(item) === key ? item : undefined;
  };
  return { get, all: (key) => sorted.slice(boundOf(key, true), boundOf(key, false)), has: (key) => get(key) !== undefined, size: sorted.length, sorted };
}
