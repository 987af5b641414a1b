import type { ErpAction } from '../../src/domain/erp-records';

/** A planned visit of Ana's in Madrid, 2 March 2027 from 09:00 to 10:30, with text that must stay text. */
export function buildErpAction(overrides: Partial<ErpAction> = {}): ErpAction {
  return {
    id: 'A-1',
    type: 'visit',
    subject: 'Visita a Ferretería Núñez',
    notes: 'Llevar la tarifa <b>2027</b> & el catálogo',
    start: '2027-03-02T08:00:00.000Z',
    end: '2027-03-02T09:30:00.000Z',
    allDay: false,
    timeZone: 'Europe/Madrid',
    status: 'planned',
    private: false,
    ownerId: 'U-ana',
    updatedAt: '2027-02-20T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
