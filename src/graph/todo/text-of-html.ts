import { convert, type HtmlToTextOptions } from 'html-to-text';

/** One line per block, as To Do shows them; headings as written; links by their text; no images. */
const options: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false, leadingLineBreaks: 1, trailingLineBreaks: 1 } })),
  ],
};

/**
 * A body To Do keeps as HTML, read as the text it shows (`html-to-text`): line breaks for blocks
 * and breaks, no tags, scripts or styles, entities decoded; no-break spaces are plain spaces, as
 * an ERP's text has them.
 *
 * @example textOfHtml('<p>Uno &amp; dos</p><p>tres</p>') // 'Uno & dos\ntres'
 */
export function textOfHtml(html: string): string {
  return convert(html, options).replaceAll('\u00a0', ' ');
}
