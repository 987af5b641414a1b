/** A tiny XML writer: every text and attribute value is escaped, so no string can break the markup. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
  comment?: string;
}

export function element(name: string, attributes: Record<string, string> = {}, ...children: (XmlElement | string | undefined)[]): XmlElement {
  return { name, attributes, children: children.filter((child): child is XmlElement | string => child !== undefined) };
}

/** An element preceded by a comment that says why it is there. */
export function commented(comment: string, node: XmlElement): XmlElement {
  return { ...node, comment };
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root, 0)}\n`;
}

function renderElement(node: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const comment = node.comment ? `${indent}<!-- ${escapeXml(node.comment).replace(/--/g, '- -')} -->\n` : '';
  const attributes = Object.entries(node.attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (node.children.length === 0) return `${comment}${indent}<${node.name}${attributes} />`;
  if (node.children.every((child) => typeof child === 'string')) {
    return `${comment}${indent}<${node.name}${attributes}>${node.children.map((child) => escapeXml(String(child))).join('')}</${node.name}>`;
  }
  const inner = node.children.map((child) => (typeof child === 'string' ? `${indent}  ${escapeXml(child)}` : renderElement(child, depth + 1))).join('\n');
  return `${comment}${indent}<${node.name}${attributes}>\n${inner}\n${indent}</${node.name}>`;
}
