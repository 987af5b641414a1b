import type { ErpContact } from '../../src/domain/erp-records';

/** An ERP contact in scope, with every synced field filled (accents included) and a fourth email Outlook has no slot for. */
export function buildErpContact(overrides: Partial<ErpContact> = {}): ErpContact {
  return {
    id: 'C-1001',
    givenName: 'José',
    surname: 'Núñez',
    displayName: 'José Núñez',
    companyName: 'Ferretería Núñez S.L.',
    jobTitle: 'Gerente',
    emails: ['jose@ferreteria.test', 'compras@ferreteria.test', 'jnunez@correo.test', 'cuarto@correo.test'],
    businessPhone: '+34 910 000 001',
    mobilePhone: '+34 600 000 001',
    address: { street: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', countryOrRegion: 'España' },
    notes: 'Prefiere llamadas por la mañana.',
    updatedAt: '2026-03-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
