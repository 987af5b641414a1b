import { describe, expect, it } from 'vitest';
import { projectErpContact } from '../../../../src/domain/project-erp-contact';
import { buildErpContact } from '../../../builders/build-erp-contact';

describe('projectErpContact', () => {
  it('tags the Outlook copy <environment>:<erpId>', () => {
    expect(projectErpContact(buildErpContact({ id: 'C-7' }), 'acme').tag).toBe('acme:C-7');
  });

  it('keeps the first three emails and leaves the fourth in the ERP only', () => {
    const { fields } = projectErpContact(buildErpContact(), 'acme');
    expect(fields.emails).toEqual(['jose@ferreteria.test', 'compras@ferreteria.test', 'jnunez@correo.test']);
  });

  it('counts an email repeated in another case once, so a later one takes the slot', () => {
    const erp = buildErpContact({ emails: ['ana@x.test', 'ANA@x.test', 'b@x.test', 'c@x.test', 'd@x.test'] });
    expect(projectErpContact(erp, 'acme').fields.emails).toEqual(['ana@x.test', 'b@x.test', 'c@x.test']);
  });

  it('maps every synced field and trims text, with blank text absent', () => {
    const erp = buildErpContact({ jobTitle: '  ', notes: ' Llamar \r\n por la tarde ', address: { city: ' Madrid ', street: '' } });
    expect(projectErpContact(erp, 'acme').fields).toEqual({
      givenName: 'José',
      surname: 'Núñez',
      displayName: 'José Núñez',
      companyName: 'Ferretería Núñez S.L.',
      emails: ['jose@ferreteria.test', 'compras@ferreteria.test', 'jnunez@correo.test'],
      businessPhone: '+34 910 000 001',
      mobilePhone: '+34 600 000 001',
      address: { city: 'Madrid' },
      notes: 'Llamar \n por la tarde',
    });
  });

  it('leaves categories out, so the user’s own categories stay theirs', () => {
    expect(projectErpContact(buildErpContact(), 'acme').fields).not.toHaveProperty('categories');
  });

  it('manages categories once an ERP record carries them, sorted and distinct', () => {
    const erp = { ...buildErpContact(), categories: ['VIP', 'Cliente', 'vip'] };
    expect(projectErpContact(erp, 'acme').fields.categories).toEqual(['Cliente', 'VIP']);
  });
});
