import type { ErpAction } from '../../src/domain/erp-records';

/** An untimed ERP action (a task), planned, due on a date, owned by the ERP user `U-1`. */
export function buildErpTaskAction(overrides: Partial<ErpAction> = {}): ErpAction {
  return {
    id: 'A-1', type: 'task', subject: 'Llamar a Ferretería Núñez', notes: 'Pedir el presupuesto', dueDate: '2026-03-10',
    allDay: false, timeZone: 'Europe/Madrid', status: 'planned', private: false, ownerId: 'U-1',
    updatedAt: '2026-03-01T09:00:00.000Z', version: 1,
    ...overrides,
  };
}
