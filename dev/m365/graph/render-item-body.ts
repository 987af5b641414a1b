/** `Prefer: outlook.body-content-type="text"` asks for text; Outlook event bodies come as HTML otherwise. */
export type BodyContentType = 'text' | 'html';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Strips tags and decodes the few entities Exchange writes, for `bodyPreview` and text bodies. */
export function htmlToText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replaceAll('&nbsp;', ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .trim();
}

/**
 * An item body as Exchange returns it: HTML bodies are wrapped in a document, text bodies are
 * converted to HTML unless the client prefers text. An empty body stays empty.
 */
export function renderItemBody(body: { contentType: BodyContentType; content: string }, wanted: BodyContentType): { contentType: BodyContentType; content: string } {
  if (body.content === '') return { contentType: wanted, content: '' };
  if (wanted === 'text') return { contentType: 'text', content: body.contentType === 'text' ? body.content : htmlToText(body.content) };
  if (body.contentType === 'html') {
    return { contentType: 'html', content: /<html[\s>]/i.test(body.content) ? body.content : `<html><head></head><body>${body.content}</body></html>` };
  }
  return { contentType: 'html', content: `<html><head></head><body>${escapeHtml(body.content).replaceAll('\n', '<br>')}</body></html>` };
}

/** `bodyPreview`: the first 255 characters of the body as text. */
export function bodyPreview(body: { contentType: BodyContentType; content: string }): string {
  const text = body.contentType === 'text' ? body.content : htmlToText(body.content);
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}
