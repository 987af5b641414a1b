import { describe, expect, it } from 'vitest';
import { parseCollectionItems } from '../../../src/graph/parse-collection-items';

/** The text in chunks of `size` characters, as a response body may arrive. */
async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let index = 0; index < text.length; index += size) yield text.slice(index, index + size);
}

async function read(text: string, size: number): Promise<{ items: unknown[]; members: Record<string, unknown> }> {
  const items: unknown[] = [];
  const members = await parseCollectionItems(chunksOf(text, size), (item) => items.push(item));
  return { items, members };
}

const page = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(\'ana\')/contacts',
  value: [
    { id: 'AAMkA=', displayName: 'Zoë "the } closer" Núñez', emailAddresses: [{ address: 'zoe@example.es', name: 'Zoë [work]' }], notes: 'a\\b\nc' },
    { id: 'AAMkB=', categories: [], singleValueExtendedProperties: [{ id: 'String {x} Name erpId', value: 'acme:1' }] },
  ],
  '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users/ana/contacts?$skip=2',
};

describe('parseCollectionItems', () => {
  it('hands over each item of value as Graph wrote it and returns the page links, whatever the chunks cut through', async () => {
    const text = JSON.stringify(page, null, 1);
    for (const size of [1, 2, 5, 64, text.length]) {
      const { items, members } = await read(text, size);

      expect(items).toEqual(page.value);
      expect(members).toEqual({ '@odata.context': page['@odata.context'], '@odata.nextLink': page['@odata.nextLink'] });
    }
  });

  it('reads the links wherever the page puts them, and an empty value', async () => {
    const { items, members } = await read('{ "@odata.deltaLink" : "https://d" , "value" : [ ] }', 3);

    expect(items).toEqual([]);
    expect(members).toEqual({ '@odata.deltaLink': 'https://d' });
  });

  it('takes only the page\'s own value array, not a member named value inside another member', async () => {
    const { items, members } = await read('{"extra":{"value":[9]},"value":[{"id":"1"}],"tail":[1,2]}', 4);

    expect(items).toEqual([{ id: '1' }]);
    expect(members).toEqual({ extra: { value: [9] }, tail: [1, 2] });
  });

  it('refuses a page cut short, a page without value and an item that is not JSON', async () => {
    await expect(read('{"value":[{"id":"1"},{"id"', 4)).rejects.toThrow(SyntaxError);
    await expect(read('[{"id":"1"}]', 4)).rejects.toThrow(SyntaxError);
    await expect(read('{"error":{"code":"x"}}', 4)).rejects.toThrow(SyntaxError);
    await expect(read('{"value":[{"id":}]}', 4)).rejects.toThrow(SyntaxError);
  });
});
