import { Window } from 'happy-dom';

/**
 * Well-formedness of an XML document, two ways: happy-dom's XML parser (tag nesting, unbound
 * prefixes, undefined entities) and a lexical pass for what that parser lets through (duplicate
 * or unquoted attributes, stray `&` and `<`). Returns the problems found; empty means well-formed.
 */
export function checkXmlWellFormed(xml: string): string[] {
  const problems: string[] = [];
  const document = new new Window().DOMParser().parseFromString(xml, 'application/xml');
  const parserError = document.getElementsByTagName('parsererror')[0];
  if (parserError) problems.push(`parser: ${parserError.textContent?.trim() ?? 'error'}`);

  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i;
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/<!--[\s\S]*?-->/g, (comment) => (comment.slice(4, -3).includes('--') ? '<!--invalid-->' : ''));
  if (body.includes('<!--invalid-->')) problems.push('a comment contains "--"');
  const stack: string[] = [];
  let roots = 0;
  for (const match of body.matchAll(/<([^>]*)>|([^<]+)/g)) {
    const [, tag, text] = match;
    if (text !== undefined) {
      if (entity.test(text)) problems.push(`unescaped & in text: ${text.trim().slice(0, 40)}`);
      if (stack.length === 0 && text.trim()) problems.push(`text outside the root: ${text.trim().slice(0, 40)}`);
      continue;
    }
    if (tag === undefined) continue;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) problems.push(`closing </${name}> does not match`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const [name = '', ...rest] = tag.replace(/\/$/, '').trim().split(/(?=\s)/);
    const attributesText = rest.join('');
    const names = new Set<string>();
    const leftover = attributesText.replace(/\s+([\w:.-]+)="([^"]*)"/g, (_all, attribute: string, value: string) => {
      if (names.has(attribute)) problems.push(`<${name}> repeats attribute ${attribute}`);
      names.add(attribute);
      if (value.includes('<')) problems.push(`< in attribute ${attribute} of <${name}>`);
      if (entity.test(value)) problems.push(`unescaped & in attribute ${attribute} of <${name}>`);
      return '';
    });
    if (leftover.trim()) problems.push(`<${name}> has an attribute that is not name="value": ${leftover.trim()}`);
    if (!/^[A-Za-z_][\w:.-]*$/.test(name)) problems.push(`bad element name <${name}>`);
    if (stack.length === 0) roots += 1;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

export function parseXml(xml: string) {
  return new new Window().DOMParser().parseFromString(xml, 'application/xml');
}
