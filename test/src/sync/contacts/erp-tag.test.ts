import { describe, expect, it } from 'vitest';
import { formatErpTag } from '../../../../src/domain/format-erp-tag';
import { parseErpTag } from '../../../../src/domain/parse-erp-tag';

describe('the <environment>:<erpId> tag', () => {
  it('reads back what it writes, ERP ids with colons included', () => {
    expect(parseErpTag(formatErpTag('acme', 'contact:42'))).toEqual({ environment: 'acme', erpId: 'contact:42' });
  });

  it('refuses an environment that would make the tag ambiguous', () => {
    expect(() => formatErpTag('ac:me', '42')).toThrow(/no colon/);
    expect(() => formatErpTag('', '42')).toThrow();
  });

  it.each([undefined, '', 'acme', ':42', 'acme:'])('reads %j as no tag of ours', (value) => {
    expect(parseErpTag(value)).toBeUndefined();
  });
});
