import { describe, expect, it } from 'vitest';
import { textOfHtml } from '../../../../src/graph/todo/text-of-html';

describe('textOfHtml', () => {
  it.each([
    ['paragraphs, one line each, entities decoded', '<p>Uno &amp; dos</p><p>tres&nbsp;<b>cuatro</b></p>', 'Uno & dos\ntres cuatro'],
    ['blocks and breaks as To Do shows them', '<div>Línea 1</div><div>Línea 2<br>tres</div>', 'Línea 1\nLínea 2\ntres'],
    ['a whole document, without its styles and scripts', '<html><head><style>p { color: red }</style></head><body><p>Hola</p><script>alert(1)</script></body></html>', 'Hola'],
    ['headings as written, links by their text, no images', '<h1>Pedido</h1><p>Ver <a href="https://erp.contoso.example/p/7">el pedido</a><img src="x.png" alt="logo"></p>', 'Pedido\nVer el pedido'],
    ['escaped markup stays text', '&lt;b&gt;no&lt;/b&gt; &#233; &#x1F600;', '<b>no</b> é 😀'],
    ['list items on their own lines', '<ul><li>tarifa</li><li>catálogo</li></ul>', ' * tarifa\n * catálogo'],
  ])('reads %s', (_case, html, text) => {
    expect(textOfHtml(html)).toBe(text);
  });
});
