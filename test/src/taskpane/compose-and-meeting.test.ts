// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { aContact, aMeeting } from './support/builders';
import { createFakeBridge } from './support/fake-bridge';
import { createFakeOffice } from './support/fake-office';
import { createTestServices, renderTaskpane } from './support/render-taskpane';

afterEach(cleanup);

describe('writing a message', () => {
  it('finds an ERP contact and puts their details and address into the message', async () => {
    const office = createFakeOffice({ item: { surface: 'messageCompose', subject: 'Oferta', to: [], cc: [] } });
    renderTaskpane(createTestServices({ office, bridge: createFakeBridge({ contacts: [aContact({ accountId: undefined })] }) }));

    await userEvent.type(await screen.findByRole('searchbox', { name: 'Search the ERP' }), 'Lucía');
    await userEvent.click(await screen.findByRole('button', { name: 'Open Lucía Martínez García' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Insert details' }));
    expect(await screen.findByText('Details inserted.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add to To' }));
    expect(await screen.findByText('Recipient added.')).toBeInTheDocument();

    expect(office.inserted).toEqual(['Lucía Martínez García\nJefa de compras, Talleres Urrutia\nlucia@talleres-urrutia.es\n+34 944 000 111\n']);
    expect(office.recipients).toEqual([{ field: 'to', people: [{ email: 'lucia@talleres-urrutia.es', name: 'Lucía Martínez García' }] }]);
  });

  it('says when nothing matches the search', async () => {
    const office = createFakeOffice({ item: { surface: 'messageCompose', subject: '', to: [], cc: [] } });
    renderTaskpane(createTestServices({ office }));
    await userEvent.type(await screen.findByRole('searchbox', { name: 'Search the ERP' }), 'Zuloaga');
    expect(await screen.findByText('No ERP contact matches “Zuloaga”.')).toBeInTheDocument();
  });
});

describe('a meeting', () => {
  it('shows the attendees in the ERP and logs the meeting once, linked to the first ERP contact', async () => {
    const bridge = createFakeBridge({ contacts: [aContact({ accountId: undefined })] });
    const office = createFakeOffice({ item: aMeeting({ attendees: [{ email: 'me@contoso.example' }, { email: 'jon@fabrikam.example', name: 'Jon Ander' }] }) });
    renderTaskpane(createTestServices({ office, bridge }));

    expect(await screen.findByRole('heading', { name: 'People in this meeting' })).toBeInTheDocument();
    const organizer = screen.getByRole('region', { name: 'ERP card for Lucía Martínez García' });
    expect(await within(organizer).findByText('Jefa de compras')).toBeInTheDocument();
    expect(await within(screen.getByRole('region', { name: 'ERP card for Jon Ander' })).findByText('Not in the ERP')).toBeInTheDocument();

    await userEvent.click(await screen.findByRole('button', { name: 'Log this meeting' }));

    expect(await screen.findByText(/^Logged in the ERP on /)).toBeInTheDocument();
    expect(bridge.loggedMeetings).toEqual([
      {
        iCalUId: 'outlook:lucia@talleres-urrutia.es/2026-03-10T09:00:00.000Z',
        subject: 'Revisión trimestral',
        start: '2026-03-10T09:00:00.000Z',
        end: '2026-03-10T10:00:00.000Z',
        timeZone: 'Europe/Madrid',
        allDay: false,
        organizer: { email: 'lucia@talleres-urrutia.es', name: 'Lucía Martínez García' },
        attendees: [{ email: 'me@contoso.example' }, { email: 'jon@fabrikam.example', name: 'Jon Ander' }],
        bodyText: 'Buenos días, adjunto el pedido.',
        contactId: 'C-1',
        private: false,
      },
    ]);
  });

  it('asks the bridge about the meeting by its event id, with the key it was logged under before', async () => {
    const bridge = createFakeBridge({ contacts: [aContact({ accountId: undefined })] });
    const office = createFakeOffice({ item: aMeeting({ eventId: 'AAMkAGI2-event' }) });
    renderTaskpane(createTestServices({ office, bridge }));

    await userEvent.click(await screen.findByRole('button', { name: 'Log this meeting' }));

    expect(await screen.findByText(/^Logged in the ERP on /)).toBeInTheDocument();
    expect(bridge.loggedMeetings).toEqual([
      expect.objectContaining({ eventId: 'AAMkAGI2-event', formerKey: 'outlook:lucia@talleres-urrutia.es/2026-03-10T09:00:00.000Z', private: false }),
    ]);
    expect(bridge.loggedMeetings[0]).not.toHaveProperty('iCalUId');
  });

  it('offers to log a meeting Outlook marks private as private, checked, and logs it shared when the user unchecks it', async () => {
    const bridge = createFakeBridge({ contacts: [aContact({ accountId: undefined })], privateEventIds: ['AAMk-private', 'AAMk-shared'] });
    const privateMeeting = createFakeOffice({ item: aMeeting({ eventId: 'AAMk-private' }) });
    const view = renderTaskpane(createTestServices({ office: privateMeeting, bridge }));

    const asPrivate = await screen.findByRole('checkbox', { name: 'Log as private' });
    await waitFor(() => expect(asPrivate).toBeChecked());
    expect(screen.getByText('Outlook marks this item private or confidential.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Log this meeting' }));
    await screen.findByText(/^Logged in the ERP on /);
    view.unmount();

    renderTaskpane(createTestServices({ office: createFakeOffice({ item: aMeeting({ eventId: 'AAMk-shared' }) }), bridge }));
    const shared = await screen.findByRole('checkbox', { name: 'Log as private' });
    await waitFor(() => expect(shared).toBeChecked());
    await userEvent.click(shared);
    await userEvent.click(screen.getByRole('button', { name: 'Log this meeting' }));
    await screen.findByText(/^Logged in the ERP on /);

    expect(bridge.loggedMeetings.map((meeting) => [meeting.eventId, meeting.private])).toEqual([['AAMk-private', true], ['AAMk-shared', false]]);
    expect(bridge.actions.map((action) => action.private)).toEqual([true, false]);
  });

  it('puts Log this meeting and Create action before the people, so they stay in view however many attendees there are', async () => {
    const attendees = Array.from({ length: 12 }, (_, index) => ({ email: `person${index}@client.example` }));
    renderTaskpane(createTestServices({ office: createFakeOffice({ item: aMeeting({ attendees }) }), bridge: createFakeBridge() }));

    const logButton = await screen.findByRole('button', { name: 'Log this meeting' });
    const createButton = screen.getByRole('button', { name: 'Create action' });
    const heading = screen.getByRole('heading', { name: 'People in this meeting' });

    expect(logButton.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(createButton.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows the logged meeting in the organizer’s card at once', async () => {
    const bridge = createFakeBridge({ contacts: [aContact({ accountId: undefined })] });
    renderTaskpane(createTestServices({ office: createFakeOffice({ item: aMeeting() }), bridge }));
    const organizer = await screen.findByRole('region', { name: 'ERP card for Lucía Martínez García' });
    expect(await within(organizer).findByText('No actions yet.')).toBeInTheDocument();

    await userEvent.click(await screen.findByRole('button', { name: 'Log this meeting' }));

    expect(await within(organizer).findByText('Revisión trimestral')).toBeInTheDocument();
    expect(within(organizer).queryByText('No actions yet.')).not.toBeInTheDocument();
  });
});
