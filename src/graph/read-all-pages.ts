import type { GraphClient, GraphRequestInit } from './create-graph-client';
import type { GraphCollection } from './graph-collection';

/** Every item of a collection, following `@odata.nextLink`; for small collections such as folders. */
export async function readAllPages<Item>(client: GraphClient, path: string, init?: GraphRequestInit): Promise<Item[]> {
  const items: Item[] = [];
  for (let next: string | undefined = path; next !== undefined; ) {
    const page: GraphCollection<Item> | undefined = await client.request<GraphCollection<Item>>('GET', next, init);
    items.push(...(page?.value ?? []));
    next = page?.['@odata.nextLink'];
  }
  return items;
}
