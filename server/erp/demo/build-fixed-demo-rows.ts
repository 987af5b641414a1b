import { calendarDay, formatCalendarDay } from './calendar-day';
import { demoFixedRecords as fixed } from './demo-fixed-records';
import { demoAccountRow, demoActionRow, demoContactRow, demoEmailRows, demoUserRow, emptyDemoRows, type DemoRows } from './demo-rows';
import { zonedTimeToUtc } from './zoned-time-to-utc';

const id = (value: string) => Number(value);

/** The rows of `demoFixedRecords`; action dates are relative to the reference date so demos always show upcoming work. */
export function buildFixedDemoRows(reference: Date): DemoRows {
  const rows = emptyDemoRows();
  const written = new Date(reference.getTime() - 86_400_000).toISOString();
  const wallTime = (offsetDays: number, hour: number, minute: number, timeZone: string) =>
    zonedTimeToUtc({ ...calendarDay(reference, offsetDays), hour, minute }, timeZone);
  const { users, accounts, contacts, actions } = fixed;

  rows.users.push(
    demoUserRow(id(users.carmenRuiz.id), users.carmenRuiz.email, users.carmenRuiz.displayName),
    demoUserRow(id(users.etienneGagnon.id), users.etienneGagnon.email, users.etienneGagnon.displayName),
    demoUserRow(id(users.oliviaBennett.id), users.oliviaBennett.email, users.oliviaBennett.displayName),
  );
  rows.accounts.push(
    demoAccountRow({
      id: id(accounts.nunezLogistica.id),
      name: accounts.nunezLogistica.name,
      taxId: 'B28123456',
      phone: '912 34 56 78',
      website: 'https://nunez-logistica.es',
      address: { street: 'Calle de Alcalá, 123', city: 'Madrid', postalCode: '28009', state: 'Comunidad de Madrid', countryOrRegion: 'España' },
      ownerId: id(users.carmenRuiz.id),
      updatedAt: written,
    }),
    demoAccountRow({
      id: id(accounts.lefevreEtFils.id),
      name: accounts.lefevreEtFils.name,
      taxId: 'FR40 123456789',
      phone: '01 42 68 53 00',
      website: 'https://lefevre-fils.fr',
      address: { street: '12 rue de la Forêt', city: 'Paris', postalCode: '75011', state: 'Île-de-France', countryOrRegion: 'France' },
      ownerId: id(users.etienneGagnon.id),
      updatedAt: written,
    }),
    demoAccountRow({
      id: id(accounts.erableDistribution.id),
      name: accounts.erableDistribution.name,
      taxId: '1145678901',
      phone: '(514) 555-0142',
      website: 'https://erable.ca',
      address: { street: '1450 rue Sainte-Catherine Ouest', city: 'Montréal', postalCode: 'H3G 1R8', state: 'Québec', countryOrRegion: 'Canada' },
      ownerId: id(users.etienneGagnon.id),
      updatedAt: written,
    }),
    demoAccountRow({
      id: id(accounts.markupTrading.id),
      name: accounts.markupTrading.name,
      website: 'javascript:alert(1)',
      address: { street: '<b>1 High Street</b>', city: 'London', postalCode: 'EC1A 1BB', countryOrRegion: 'United Kingdom' },
      ownerId: id(users.oliviaBennett.id),
      updatedAt: written,
    }),
  );

  const madrid = { street: 'Calle de Alcalá, 123', city: 'Madrid', postalCode: '28009', countryOrRegion: 'España' };
  rows.contacts.push(
    demoContactRow({ id: id(contacts.anaGarcia.id), givenName: 'Ana', surname: 'García', jobTitle: 'Directora de compras', accountId: id(accounts.nunezLogistica.id), businessPhone: '912 34 56 70', mobilePhone: '612 34 56 78', address: madrid, ownerId: id(users.carmenRuiz.id), updatedAt: written }),
    demoContactRow({ id: id(contacts.joseNunez.id), givenName: 'José', surname: 'Núñez Ibáñez', jobTitle: 'Gerente', accountId: id(accounts.nunezLogistica.id), businessPhone: '912 34 56 71', address: madrid, ownerId: id(users.carmenRuiz.id), updatedAt: written }),
    demoContactRow({ id: id(contacts.mariaJoseIbanez.id), givenName: 'María José', surname: 'Ibáñez', jobTitle: 'Administrativa', accountId: id(accounts.nunezLogistica.id), address: madrid, ownerId: id(users.carmenRuiz.id), updatedAt: written }),
    demoContactRow({ id: id(contacts.francoiseLefevre.id), givenName: 'Françoise', surname: 'Lefèvre', jobTitle: 'Responsable des achats', accountId: id(accounts.lefevreEtFils.id), businessPhone: '01 42 68 53 10', mobilePhone: '06 12 34 56 78', address: { street: '12 rue de la Forêt', city: 'Paris', postalCode: '75011', countryOrRegion: 'France' }, ownerId: id(users.etienneGagnon.id), updatedAt: written }),
    demoContactRow({ id: id(contacts.francoisTremblay.id), givenName: 'François', surname: 'Tremblay', jobTitle: 'Directeur commercial', accountId: id(accounts.erableDistribution.id), businessPhone: '(514) 555-0143', mobilePhone: '514 555-0199', address: { street: '1450 rue Sainte-Catherine Ouest', city: 'Montréal', postalCode: 'H3G 1R8', state: 'Québec', countryOrRegion: 'Canada' }, ownerId: id(users.etienneGagnon.id), updatedAt: written }),
    demoContactRow({ id: id(contacts.markup.id), givenName: contacts.markup.displayName, surname: '"Robert\'); DROP TABLE contacts;--', displayName: contacts.markup.displayName, jobTitle: '<b>Chief</b> & "Owner"', accountId: id(accounts.markupTrading.id), notes: '<script>alert("notes")</script>', ownerId: id(users.oliviaBennett.id), updatedAt: written }),
    demoContactRow({ id: id(contacts.goncaloPena.id), givenName: 'Gonçalo', surname: 'Peña', mobilePhone: '+34 655 44 33 22', notes: 'Sin correo electrónico: llamar al móvil.', ownerId: id(users.carmenRuiz.id), updatedAt: written }),
    demoContactRow({ id: id(contacts.oliverSmith.id), givenName: 'Oliver', surname: 'Smith', jobTitle: 'Purchasing Manager', businessPhone: '020 7946 0018', address: { street: '221 Baker Street', city: 'London', postalCode: 'NW1 6XE', countryOrRegion: 'United Kingdom' }, ownerId: id(users.oliviaBennett.id), updatedAt: written }),
  );
  rows.emails.push(
    ...demoEmailRows(id(contacts.anaGarcia.id), [contacts.anaGarcia.email, contacts.anaGarcia.secondaryEmail]),
    ...demoEmailRows(id(contacts.joseNunez.id), [contacts.joseNunez.email, contacts.joseNunez.sharedEmail]),
    ...demoEmailRows(id(contacts.mariaJoseIbanez.id), [contacts.mariaJoseIbanez.email]),
    ...demoEmailRows(id(contacts.francoiseLefevre.id), [contacts.francoiseLefevre.email]),
    ...demoEmailRows(id(contacts.francoisTremblay.id), contacts.francoisTremblay.emails),
    ...demoEmailRows(id(contacts.markup.id), [contacts.markup.email]),
    ...demoEmailRows(id(contacts.oliverSmith.id), [contacts.oliverSmith.email]),
  );

  const ana = { contactId: id(contacts.anaGarcia.id), accountId: id(accounts.nunezLogistica.id), ownerId: id(users.carmenRuiz.id), timeZone: 'Europe/Madrid' };
  rows.actions.push(
    demoActionRow({ id: id(actions.anaVisit.id), ...ana, type: 'visit', subject: 'Visita: revisión de la instalación', start: wallTime(1, 10, 0, 'Europe/Madrid'), end: wallTime(1, 11, 30, 'Europe/Madrid'), status: 'planned', notes: 'Llevar el catálogo nuevo.', updatedAt: written }),
    demoActionRow({ id: id(actions.anaPrivateCall.id), ...ana, type: 'call', subject: 'Llamada privada: condiciones especiales', start: wallTime(-2, 16, 0, 'Europe/Madrid'), end: wallTime(-2, 16, 15, 'Europe/Madrid'), status: 'done', private: true, updatedAt: written }),
    demoActionRow({ id: id(actions.anaTradeFair.id), ...ana, type: 'meeting', subject: 'Feria de proveedores', start: wallTime(7, 0, 0, 'Europe/Madrid'), end: wallTime(9, 0, 0, 'Europe/Madrid'), allDay: true, status: 'planned', updatedAt: written }),
    demoActionRow({ id: id(actions.anaOfferTask.id), ...ana, type: 'task', subject: 'Preparar la oferta anual', dueDate: formatCalendarDay(calendarDay(reference, 3)), status: 'planned', updatedAt: written }),
    demoActionRow({ id: id(actions.francoiseMeeting.id), type: 'meeting', subject: 'Réunion trimestrielle', contactId: id(contacts.francoiseLefevre.id), accountId: id(accounts.lefevreEtFils.id), ownerId: id(users.etienneGagnon.id), start: wallTime(2, 14, 0, 'Europe/Paris'), end: wallTime(2, 15, 0, 'Europe/Paris'), timeZone: 'Europe/Paris', status: 'planned', updatedAt: written }),
    demoActionRow({ id: id(actions.tremblayCall.id), type: 'call', subject: 'Appel : relance du devis', contactId: id(contacts.francoisTremblay.id), accountId: id(accounts.erableDistribution.id), ownerId: id(users.etienneGagnon.id), start: wallTime(1, 9, 30, 'America/Toronto'), end: wallTime(1, 9, 45, 'America/Toronto'), timeZone: 'America/Toronto', status: 'planned', updatedAt: written }),
    demoActionRow({ id: id(actions.oliverEmail.id), type: 'email', subject: 'Quote sent', contactId: id(contacts.oliverSmith.id), ownerId: id(users.oliviaBennett.id), dueDate: formatCalendarDay(calendarDay(reference, -1)), timeZone: 'Europe/London', status: 'done', updatedAt: written }),
    demoActionRow({ id: id(actions.markupNote.id), type: 'note', subject: '<b>Bold?</b> <img src=x onerror=alert(2)>', notes: '<script>alert("action")</script>', contactId: id(contacts.markup.id), accountId: id(accounts.markupTrading.id), ownerId: id(users.oliviaBennett.id), timeZone: 'Europe/London', status: 'done', updatedAt: written }),
    demoActionRow({ id: id(actions.joseTask.id), type: 'task', subject: 'Actualizar la ficha del cliente', contactId: id(contacts.joseNunez.id), accountId: id(accounts.nunezLogistica.id), ownerId: id(users.carmenRuiz.id), timeZone: 'Europe/Madrid', status: 'planned', updatedAt: written }),
  );
  return rows;
}
