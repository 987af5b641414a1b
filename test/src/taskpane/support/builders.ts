import type { ErpAccount, ErpAction, ErpContact } from '../../../../src/domain/erp-records';
import type { AppointmentItem, MessageReadItem } from '../../../../src/office/office-item';

const updatedAt = '2026-03-02T09:00:00Z';

export function aContact(overrides: Partial<ErpContact> = {}): ErpContact {
  return {
    id: 'C-1',
    displayName: 'Lucía Martínez García',
    givenName: 'Lucía',
    surname: 'Martínez García',
    jobTitle: 'Jefa de compras',
    companyName: 'Talleres Urrutia',
    accountId: 'A-1',
    emails: ['lucia@talleres-urrutia.es'],
    businessPhone: '+34 944 000 111',
    updatedAt,
    version: 1,
    ...overrides,
  };
}

export function anAccount(overrides: Partial<ErpAccount> = {}): ErpAccount {
  return { id: 'A-1', name: 'Talleres Urrutia S.L.', updatedAt, version: 1, ...overrides };
}

export function anAction(overrides: Partial<ErpAction> = {}): ErpAction {
  return {
    id: 'ACT-1',
    type: 'visit',
    subject: 'Visita a fábrica',
    start: '2026-03-03T09:00:00Z',
    end: '2026-03-03T10:00:00Z',
    allDay: false,
    timeZone: 'Europe/Madrid',
    status: 'planned',
    private: false,
    contactId: 'C-1',
    accountId: 'A-1',
    updatedAt,
    version: 1,
    ...overrides,
  };
}

export function aMessage(overrides: Partial<MessageReadItem> = {}): MessageReadItem {
  return {
    surface: 'messageRead',
    subject: 'Pedido de marzo',
    from: { email: 'lucia@talleres-urrutia.es', name: 'Lucía Martínez García' },
    to: [{ email: 'me@contoso.example', name: 'Íñigo Urrutia' }],
    cc: [],
    internetMessageId: '<march-order@talleres-urrutia.es>',
    dateTimeCreated: '2026-03-02T08:15:00.000Z',
    ...overrides,
  };
}

export function aMeeting(overrides: Partial<AppointmentItem> = {}): AppointmentItem {
  return {
    surface: 'appointmentAttendee',
    subject: 'Revisión trimestral',
    start: '2026-03-10T09:00:00.000Z',
    end: '2026-03-10T10:00:00.000Z',
    organizer: { email: 'lucia@talleres-urrutia.es', name: 'Lucía Martínez García' },
    attendees: [{ email: 'me@contoso.example' }],
    meetingKey: 'outlook:lucia@talleres-urrutia.es/2026-03-10T09:00:00.000Z',
    ...overrides,
  };
}
