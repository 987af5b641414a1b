import { describe, expect, it } from 'vitest';
import { createSortedLookup } from '../../../../src/sync/contacts/create-sorted-lookup';

const items = [
  { id: 'b', n: 1 },
  { id: 'a', n: 2 },
  { id: 'b', n: 3 },
  { id: 'B', n: 4 },
  { id: 'é', n: 5 },
];

describe('createSortedLookup', () => {
  it('finds the last item given under a key, as a Map filled in order would', () => {
    const lookup = createSortedLookup(items, (item) => item.id);

    expect(lookup.get('b')).toEqual({ id: 'b', n: 3 });
    expect(lookup.get('a')).toEqual({ id: 'a', n: 2 });
    expect(lookup.get('é')).toEqual({ id: 'é', n: 5 });
    expect(lookup.has('B')).toBe(true);
  });

  it('finds nothing under a key it was not given, before, between or after the others', () => {
    const lookup = createSortedLookup(items, (item) => item.id);

    for (const key of ['', 'A', 'aa', 'c', 'ê']) expect(lookup.get(key)).toBeUndefined();
    expect(createSortedLookup([], (item: { id: string }) => item.id).has('a')).toBe(false);
  });

  it('gives every item under a key in the order given, and all of them by key in code-point order', () => {
    const lookup = createSortedLookup(items, (item) => item.id);

    expect(lookup.all('b').map((item) => item.n)).toEqual([1, 3]);
    expect(lookup.all('c')).toEqual([]);
    expect(lookup.sorted.map((item) => item.n)).toEqual([4, 2, 1, 3, 5]);
    expect(lookup.size).toBe(5);
  });
});
