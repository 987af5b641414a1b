const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const comma = 0x2c;

/** The text of the page's own members before an array opens: is it the `value` member? */
const valueKey = /^\s*[{,]\s*"value"\s*:\s*$/;

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/**
 * Reads a Graph collection page (`{"value":[…],"@odata.nextLink":…}`) from its text as it arrives,
 * handing each item of `value` to `visit` as soon as its text is complete: each item is parsed on
 * its own with `JSON.parse`, so a page of 1,000 contacts is never held as one text nor as one parsed
 * tree. Returns the page's other members, `value` left out. Text that is not a JSON object with
 * a `value` array (truncated, or any other shape) throws `SyntaxError`.
 *
 * @example
 * const page = await parseCollectionItems(response.body.pipeThrough(new TextDecoderStream()), (item) => items.push(toListed(item)));
 * page['@odata.nextLink'];
 */
export async function parseCollectionItems(chunks: AsyncIterable<string>, visit: (item: unknown) => void): Promise<Record<string, unknown>> {
  // The page's own members are copied out (`value` as `[]`) and parsed at the end; items never are.
  let others = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  // Where the current member of the page starts in `others`, and whether `value`'s array is open.
  let memberStart = 0;
  let inItems = false;
  let sawItems = false;
  // The current item's text from earlier chunks.
  let carried = '';

  for await (const chunk of chunks) {
    let copiedUpTo = 0;
    // An item begun in an earlier chunk goes on at this one's start.
    let itemStart = carried === '' ? -1 : 0;
    for (let index = 0; index < chunk.length; index += 1) {
      const code = chunk.charCodeAt(index);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === backslash) escaped = true;
        else if (code === quote) inString = false;
        continue;
      }
      if (inItems && depth === 2) {
        if (code === comma || code === closeBracket) {
          const text = itemStart === -1 ? carried : carried + chunk.slice(itemStart, index);
          carried = '';
          itemStart = -1;
          if (text.trim() !== '') visit(JSON.parse(text));
          if (code === closeBracket) {
            // `value` closes: the page's own text goes on after it.
            depth = 1;
            inItems = false;
            copiedUpTo = index + 1;
          }
          continue;
        }
        if (itemStart === -1 && !isSpace(code)) itemStart = index;
      }
      if (code === quote) {
        inString = true;
      } else if (code === openBrace || code === openBracket) {
        depth += 1;
        if (depth === 2 && code === openBracket && !sawItems && valueKey.test(others.slice(memberStart) + chunk.slice(copiedUpTo, index))) {
          // `value` opens: the page's own text keeps an empty array in its place.
          others += `${chunk.slice(copiedUpTo, index)}[]`;
          copiedUpTo = index + 1;
          inItems = true;
          sawItems = true;
        }
      } else if (code === closeBrace || code === closeBracket) {
        depth -= 1;
      } else if (depth === 1 && code === comma) {
        others += chunk.slice(copiedUpTo, index);
        copiedUpTo = index;
        memberStart = others.length;
      }
    }
    if (inItems) {
      if (itemStart !== -1) carried += chunk.slice(itemStart);
    } else {
      others += chunk.slice(copiedUpTo);
    }
  }
  if (inString || depth !== 0 || inItems) throw new SyntaxError('the collection page ended before its JSON did');
  if (!sawItems) throw new SyntaxError('the collection page has no "value" array');
  const page: unknown = JSON.parse(others);
  if (typeof page !== 'object' || page === null || Array.isArray(page)) throw new SyntaxError('the collection page is not a JSON object');
  const { value: _items, ...members } = page as Record<string, unknown>;
  return members;
}
